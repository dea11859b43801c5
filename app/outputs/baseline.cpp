#include "app/outputs/baseline.hpp"

#include "report/formats/alloc_json.hpp"
#include "report/common/errors.hpp"
#include "report/io/input_file.hpp"
#include "report/formats/read_report.hpp"

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
  for (const char* name : {kBaselineProfileJson, kBaselineProfileMarkdown}) {
    if (fs::exists(path / name, ec)) {
      baseline.profile_path = path / name;
      break;
    }
  }
  if (baseline.profile_path.empty()) {
    throw InputError(path, std::string("baseline directory holds neither ") + kBaselineProfileJson + " nor " +
                               kBaselineProfileMarkdown + " (give --baseline PATH, or --no-baseline)");
  }
  baseline.profile = report::read_report(baseline.profile_path);
  if (fs::exists(path / kBaselineAllocJson, ec)) {
    baseline.alloc_path = path / kBaselineAllocJson;
    baseline.alloc = report::alloc_from_json(report::read_text_input(*baseline.alloc_path), *baseline.alloc_path);
  }
  return baseline;
}

}  // namespace smp::app
