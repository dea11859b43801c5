#include "output_dir.hpp"

#include <unistd.h>

#include "report/errors.hpp"

namespace smp::app {

void prepare_output_directory(const std::filesystem::path& directory) {
  std::error_code ec;
  if (std::filesystem::exists(directory, ec) && !std::filesystem::is_directory(directory, ec)) {
    throw InputError(directory, "output directory is an existing file");
  }
  std::filesystem::create_directories(directory, ec);
  if (ec) throw InputError(directory, "cannot create output directory: " + ec.message());
  if (::access(directory.c_str(), W_OK) != 0) throw InputError(directory, "output directory is not writable");
}

}  // namespace smp::app
