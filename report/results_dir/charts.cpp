#include "report/results_dir/charts.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "report/formats/number_format.hpp"
#include "report/analysis/percent_of_peak.hpp"
#include "report/results_dir/markers.hpp"

namespace smp::report {

std::optional<BarChart> scope_change_chart(const ComparisonRecord& record) {
  std::vector<const ScopeComparison*> methods;
  for (const ScopeComparison& method : record.smallmind.scopes) {
    if (method.change_pct) methods.push_back(&method);
  }
  if (methods.empty()) return std::nullopt;
  std::stable_sort(methods.begin(), methods.end(),
                   [](const auto* a, const auto* b) { return *a->change_pct > *b->change_pct; });
  BarChart chart;
  chart.title = "Time per scope: current vs baseline";
  chart.axis_label = fmt::format(
      "change in % (right: slower); red/green: {} beyond {}%, grey: within",
      is_statistical(record.gate.method) ? "significant change" : "change",
      fixed(record.gate.options.threshold_pct, 1));
  for (const ScopeComparison* method : methods) {
    chart.bars.push_back({method->name, *method->change_pct,
                          fmt::format("{} ({:.2f} → {:.2f} ms)", percent_text(method->change_pct, true),
                                      method->previous_ms, method->current_ms),
                          marker_colour(judge_scope(record, *method))});
  }
  return chart;
}

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
