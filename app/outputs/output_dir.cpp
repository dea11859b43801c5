#include "app/outputs/output_dir.hpp"

#include "report/common/errors.hpp"
#include "report/io/output_check.hpp"

namespace smp::app {

void prepare_output_directory(const std::filesystem::path& directory) {
  std::error_code ec;
  if (std::filesystem::exists(directory, ec) && !std::filesystem::is_directory(directory, ec)) {
    throw InputError(directory, "output directory is an existing file");
  }
  std::filesystem::create_directories(directory, ec);
  if (ec) throw InputError(directory, "cannot create output directory: " + ec.message());
  if (const auto problem = report::file_creation_problem(directory, "smallmind-prof")) {
    throw InputError(directory, "output directory is not writable: " + *problem);
  }
}

}  // namespace smp::app
