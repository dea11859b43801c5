#include "report/results_dir/peak_chart.hpp"

#include <fmt/format.h>

#include "report/analysis/percent_of_peak.hpp"
#include "report/results_dir/roofline_chart.hpp"

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
    const bool memory = row.roofline.bound == "memory";
    chart.bars.push_back({row.name, percent,
                          fmt::format("{:.1f}% ({}{})", percent, achieved_text(row.roofline),
                                      memory && percent > kPeakChartAxisPercent ? ", in cache" : ""),
                          std::string(memory ? kMemoryBoundColour : kComputeBoundColour)});
  }
  chart.lines = {{kLowPeakPercent, fmt::format("{:.0f}%", kLowPeakPercent)},
                 {kPeakChartAxisPercent, fmt::format("{:.0f}%", kPeakChartAxisPercent)}};
  chart.axis_max = kPeakChartAxisPercent;
  chart.legend = {{std::string(kComputeBoundColour), "compute-bound: % of the FMA peak"},
                  {std::string(kMemoryBoundColour), "memory-bound: % of the memory bandwidth"}};
  return chart;
}

}  // namespace smp::report
