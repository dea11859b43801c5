#include "report/results_dir/charts.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "report/formats/number_format.hpp"
#include "report/analysis/percent_of_peak.hpp"

namespace smp::report {

std::optional<BarChart> peak_chart(const ProfileRecord& profile) {
  const std::vector<PeakRow> rows = percent_of_peak(profile);
  if (rows.empty()) return std::nullopt;
  BarChart chart;
  chart.title = "Share of this machine's measured peak per scope";
  chart.axis_label = fmt::format("% of the FMA peak ({:.1f} GFLOPS) or memory bandwidth ({:.1f} GB/s), whichever "
                                 "bounds the scope",
                                 profile.context->measured.peak_gflops, profile.context->measured.peak_gbps);
  for (const PeakRow& row : rows) {
    const double percent = *row.roofline.percent_of_peak;
    chart.bars.push_back({row.name, percent,
                          fmt::format("{:.1f}% {} ({})", percent, row.roofline.bound, achieved_text(row.roofline)),
                          percent < kLowPeakPercent ? "#ef6c00" : "#1565c0"});
  }
  chart.lines = {{kLowPeakPercent, fmt::format("{:.0f}%", kLowPeakPercent)}, {100.0, "100%"}};
  return chart;
}

}  // namespace smp::report
