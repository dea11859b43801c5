#include "app/outputs/output_dir.hpp"

#include "report/common/errors.hpp"
#include "report/io/output_check.hpp"

namespace smp::app {

namespace fs = std::filesystem;

void check_output_directory(const fs::path& directory) {
  if (directory.empty()) throw InputError(directory, "the output directory name is empty");
  std::error_code ec;
  if (fs::exists(directory, ec) && !fs::is_directory(directory, ec)) {
    throw InputError(directory, "output directory is an existing file");
  }
  fs::path existing = fs::absolute(directory, ec);
  while (!fs::exists(existing, ec) && existing.has_relative_path()) existing = existing.parent_path();
  if (!fs::is_directory(existing, ec)) {
    throw InputError(directory, "cannot create output directory: " + existing.string() + " is not a directory");
  }
  if (const auto problem = report::file_creation_problem(existing, "smallmind-prof")) {
    throw InputError(directory, (existing == fs::absolute(directory, ec) ? "output directory is not writable: "
                                                                        : "cannot create output directory in " +
                                                                              existing.string() + ": ") +
                                    *problem);
  }
}

void create_output_directory(const fs::path& directory) {
  std::error_code ec;
  fs::create_directories(directory, ec);
  if (ec) throw InputError(directory, "cannot create output directory: " + ec.message());
}

}  // namespace smp::app
