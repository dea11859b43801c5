#include "report/io/output_check.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include "report/common/errors.hpp"
#include "report/io/output_target.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;

void probe_directory(const fs::path& output, const fs::path& file) {
  const fs::path directory = file.has_parent_path() ? file.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::exists(directory, ec)) throw InputError(output, "its directory " + directory.string() + " does not exist");
  if (!fs::is_directory(directory, ec)) throw InputError(output, directory.string() + " is not a directory");
  if (const auto problem = file_creation_problem(directory, file.filename().string())) {
    throw InputError(output, "cannot write in its directory " + directory.string() + ": " + *problem);
  }
}

// Two spellings of one file: the same inode when it exists, else the same
// path once every link in its directories is resolved.
bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::exists(a, ec) && fs::equivalent(a, b, ec)) return true;
  return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

}  // namespace

std::optional<std::string> file_creation_problem(const fs::path& directory, const std::string& name) {
  std::string probe = (directory / hidden_sibling_name(name, "probe")).string();
  const int fd = ::mkstemp(probe.data());
  if (fd < 0) return std::strerror(errno);
  ::close(fd);
  ::unlink(probe.c_str());
  return std::nullopt;
}

void check_outputs(const std::vector<fs::path>& outputs, const std::vector<fs::path>& inputs) {
  std::vector<OutputTarget> targets;
  for (const fs::path& output : outputs) {
    const OutputTarget target = resolve_output_target(output);
    for (const OutputTarget& earlier : targets) {
      if (target.to_stdout ? earlier.to_stdout : !earlier.to_stdout && same_file(target.file, earlier.file)) {
        throw InputError(output, "is given for two different outputs");
      }
    }
    targets.push_back(target);
    if (target.to_stdout) continue;
    for (const fs::path& input : inputs) {
      if (same_file(target.file, input)) throw InputError(output, "output would overwrite the input " + input.string());
    }
    probe_directory(output, target.file);
  }
}

}  // namespace smp::report
