#include "app/outputs/baseline.hpp"

#include "report/formats/alloc_json.hpp"
#include "report/common/errors.hpp"
#include "report/io/input_file.hpp"
#include "report/formats/read_report.hpp"
#include "report/common/file_names.hpp"

namespace smp::app {

namespace fs = std::filesystem;

fs::path default_baseline_directory() { return fs::path(SMP_SOURCE_DIR) / "baselines"; }

Baseline load_baseline(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw InputError(path, "baseline does not exist (give --baseline PATH, or --no-baseline to skip the comparison)");
  }
  Baseline baseline;
  if (!fs::is_directory(path, ec)) {
    baseline.profile_path = path;
    baseline.profile = report::read_report(path);
    return baseline;
  }
  for (const std::string_view name : {kProfileJsonFile, kProfileMarkdownFile}) {
    if (fs::exists(path / name, ec)) {
      baseline.profile_path = path / name;
      break;
    }
  }
  if (baseline.profile_path.empty()) {
    throw InputError(path, "baseline directory holds neither " + std::string(kProfileJsonFile) + " nor " +
                               std::string(kProfileMarkdownFile) + " (give --baseline PATH, or --no-baseline)");
  }
  baseline.profile = report::read_report(baseline.profile_path);
  if (fs::exists(path / kAllocJsonFile, ec)) {
    baseline.alloc_path = path / kAllocJsonFile;
    baseline.alloc = report::alloc_from_json(report::read_text_input(*baseline.alloc_path), *baseline.alloc_path);
  }
  return baseline;
}

}  // namespace smp::app
