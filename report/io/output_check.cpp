#include "report/io/output_check.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include "report/io/atomic_file.hpp"
#include "report/common/errors.hpp"
#include "report/common/text_join.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;

void probe_directory(const fs::path& output) {
  const fs::path directory = output.has_parent_path() ? output.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::exists(directory, ec)) throw InputError(output, "its directory " + directory.string() + " does not exist");
  if (!fs::is_directory(directory, ec)) throw InputError(output, directory.string() + " is not a directory");
  if (const auto problem = file_creation_problem(directory, output.filename().string())) {
    throw InputError(output, "cannot write in its directory " + directory.string() + ": " + *problem);
  }
}

}  // namespace

std::optional<std::string> file_creation_problem(const fs::path& directory, const std::string& name) {
  std::string probe = (directory / join(".", name, ".probe-XXXXXX")).string();
  const int fd = ::mkstemp(probe.data());
  if (fd < 0) return std::strerror(errno);
  ::close(fd);
  ::unlink(probe.c_str());
  return std::nullopt;
}

void check_outputs(const std::vector<fs::path>& outputs, const std::vector<fs::path>& inputs) {
  std::error_code ec;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    check_output_path(outputs[i], inputs);
    for (std::size_t j = 0; j < i; ++j) {
      if (fs::weakly_canonical(outputs[i], ec) == fs::weakly_canonical(outputs[j], ec)) {
        throw InputError(outputs[i], "is given for two different outputs");
      }
    }
    probe_directory(outputs[i]);
  }
}

}  // namespace smp::report
