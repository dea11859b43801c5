#pragma once
// The `--export` formats of a profile, for the dashboards CI jobs already
// use, and the files they are written to beside the markdown report.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "app/outputs/output_files.hpp"
#include "report/records/records.hpp"

namespace smp::app {

// gbench: Google Benchmark JSON; github: github-action-benchmark's
// customSmallerIsBetter; bencher: Bencher Metric Format.
inline constexpr std::array<std::string_view, 3> kExportFormats{"gbench", "github", "bencher"};

// One file per requested format, in the order of kExportFormats; a format
// named twice is written once.
std::vector<OutputFile> profile_exports(const report::ProfileRecord& profile, const std::vector<std::string>& formats);

}  // namespace smp::app
