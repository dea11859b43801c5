#include "app/outputs/install_layout.hpp"

#include <system_error>

namespace smp::app {
namespace {

namespace fs = std::filesystem;

bool is_within(const fs::path& path, const fs::path& directory) {
  const fs::path relative = path.lexically_normal().lexically_relative(directory.lexically_normal());
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

fs::path this_executable() { return fs::read_symlink("/proc/self/exe"); }

fs::path default_baselines_directory() {
  const fs::path executable = this_executable();
  const fs::path installed = (executable.parent_path() / SMP_BASELINES_FROM_BINDIR).lexically_normal();
  std::error_code ec;
  if (!fs::exists(installed, ec) && is_within(executable, SMP_BUILD_DIR)) return fs::path(SMP_SOURCE_DIR) / "baselines";
  return installed;
}

}  // namespace smp::app
