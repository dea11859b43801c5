#include "report/results_dir/scope_change_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/formats/comparison_json.hpp"
#include "report/formats/gate_text.hpp"
#include "report/results_dir/markers.hpp"
#include "report/results_dir/svg_canvas.hpp"

namespace smp::report {
namespace {

using namespace row_chart;
constexpr double kTop = 122.0;
constexpr double kRowHeight = 22.0;
constexpr double kWidestRatio = 10.0;

struct ChangeRow {
  std::string label;
  double ratio = 1.0;
  std::optional<Interval> interval;
  ScopeVerdict verdict = ScopeVerdict::unchanged;
  bool nested = false;
};

std::string verdict_colour(ScopeVerdict verdict) {
  switch (verdict) {
    case ScopeVerdict::regressed: return marker_colour(Direction::worse);
    case ScopeVerdict::improved: return marker_colour(Direction::better);
    case ScopeVerdict::inconclusive: return "#f9a825";
    case ScopeVerdict::unchanged: break;
  }
  return marker_colour(Direction::within);
}

// The gate's statistics when it tested samples; otherwise SmallMind's
// changes, judged against the threshold, without intervals.
std::vector<ChangeRow> rows_of(const ComparisonRecord& record) {
  std::vector<ChangeRow> top, nested;
  std::vector<std::string> nested_parent;
  if (is_statistical(record.gate.method)) {
    for (const ScopeStatistics& stats : record.gate.scopes) {
      if (!stats.ratio) continue;
      ChangeRow row{stats.name, *stats.ratio, stats.ratio_interval, stats.verdict, !stats.parents.empty()};
      if (row.nested) {
        nested.push_back(row);
        nested_parent.push_back(stats.parents.front());
      } else {
        top.push_back(row);
      }
    }
  } else {
    for (const ScopeComparison& method : record.smallmind.scopes) {
      if (!method.change_pct || 1.0 + *method.change_pct / 100.0 <= 0.0) continue;
      const Direction direction = judge_scope(record, method);
      const ScopeVerdict verdict = direction == Direction::worse    ? ScopeVerdict::regressed
                                   : direction == Direction::better ? ScopeVerdict::improved
                                                                    : ScopeVerdict::unchanged;
      top.push_back({method.name, 1.0 + *method.change_pct / 100.0, std::nullopt, verdict, false});
    }
  }
  // Each nested scope once, right under its (first) parent, itself nested or
  // not; orphans last.
  std::vector<ChangeRow> rows;
  std::vector<bool> placed(nested.size(), false);
  const auto place = [&](const ChangeRow& row, const auto& place_children) -> void {
    rows.push_back(row);
    for (std::size_t i = 0; i < nested.size(); ++i) {
      if (!placed[i] && nested_parent[i] == row.label) {
        placed[i] = true;
        place_children(nested[i], place_children);
      }
    }
  };
  for (const ChangeRow& row : top) place(row, place);
  for (std::size_t i = 0; i < nested.size(); ++i) {
    if (!placed[i]) rows.push_back(nested[i]);
  }
  return rows;
}

std::string environment_line(const GateResult& gate) {
  if (gate.environment.empty()) return "Same machine and build settings as the baseline";
  std::string text = "Environment differs:";
  for (const EnvironmentDifference& d : gate.environment) text += fmt::format(" {} {} → {};", d.field, d.previous, d.current);
  text.pop_back();
  return text;
}

}  // namespace

std::optional<std::string> scope_change_svg(const RunBaseline& baseline) {
  const ComparisonRecord& record = baseline.comparison;
  const std::vector<ChangeRow> rows = rows_of(record);
  if (rows.empty()) return std::nullopt;
  const double threshold = record.gate.options.threshold_pct / 100.0;

  // A symmetric range in log ratio that holds every point, whisker and the band.
  double reach = std::log(1.0 + std::max(threshold, 0.05)) * 1.5;
  for (const ChangeRow& row : rows) {
    reach = std::max(reach, std::fabs(std::log(row.ratio)) * 1.1);
    if (row.interval && row.interval->low > 0.0) {
      reach = std::max({reach, std::fabs(std::log(row.interval->low)) * 1.05, std::fabs(std::log(row.interval->high)) * 1.05});
    }
  }
  // At most ten times either way: a wider interval says "unknown" as well when clipped at the edge.
  reach = std::min(reach, std::log(kWidestRatio));
  const LogScale scale{std::exp(-reach), std::exp(reach), kPlotLeft, kPlotRight};
  const double plot_bottom = kTop + kRowHeight * static_cast<double>(rows.size());
  SvgCanvas svg(kWidth, plot_bottom + kAxisHeight);

  svg.text(16, 24, "Time per scope: current vs baseline (ratio, log scale)", "font-size=\"16\" font-weight=\"bold\"");
  svg.text(16, 44, fmt::format("Baseline: {} (generated {})", baseline.profile_path, record.smallmind.previous_generated),
           "fill=\"#555555\"");
  svg.text(16, 62, method_text(record.gate), "fill=\"#555555\"");
  svg.text(16, 80, environment_line(record.gate), record.gate.environment.empty() ? "fill=\"#555555\"" : "fill=\"#c62828\"");
  svg.legend(16, 104,
             {{verdict_colour(ScopeVerdict::regressed), "regressed"},
              {verdict_colour(ScopeVerdict::improved), "improved"},
              {verdict_colour(ScopeVerdict::unchanged), "unchanged"},
              {verdict_colour(ScopeVerdict::inconclusive), "inconclusive"},
              {"#e3f2fd", fmt::format("±{:g}% threshold", record.gate.options.threshold_pct)}});
  svg.text(kPlotRight, 104, "whiskers: the gate's confidence interval", "text-anchor=\"end\" fill=\"#555555\"");

  // Threshold band, ticks with grid lines, and the no-change line.
  const double band_low = scale.at(std::max(1.0 - threshold, scale.low));
  const double band_high = scale.at(std::min(1.0 + threshold, scale.high));
  svg.rect(band_low, kTop, band_high - band_low, plot_bottom - kTop, "fill=\"#e3f2fd\" class=\"threshold-band\"");
  for (double ratio : scale.ratio_ticks(kMinTickGap)) {
    const double x = scale.at(ratio);
    svg.line(x, kTop, x, plot_bottom, "stroke=\"#dddddd\"");
    svg.line(x, plot_bottom, x, plot_bottom + 5, "stroke=\"#333333\"");
    svg.text(x, plot_bottom + 18, percent_change_text(ratio), "text-anchor=\"middle\" class=\"tick\"");
  }
  svg.line(kPlotLeft, plot_bottom, kPlotRight, plot_bottom, "stroke=\"#333333\" class=\"axis\"");
  svg.text((kPlotLeft + kPlotRight) / 2.0, plot_bottom + 36, "change in time (left: faster, right: slower)",
           "text-anchor=\"middle\" fill=\"#555555\"");
  svg.line(scale.at(1.0), kTop, scale.at(1.0), plot_bottom, "stroke=\"#333333\" stroke-width=\"1.5\" class=\"zero-line\"");

  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ChangeRow& row = rows[i];
    const double y = kTop + kRowHeight * (static_cast<double>(i) + 0.5);
    svg.text(kLabelRight, y + 4, row.nested ? "↳ " + row.label : row.label,
             row.nested ? "text-anchor=\"end\" fill=\"#555555\"" : "text-anchor=\"end\"");
    const std::string colour = verdict_colour(row.verdict);
    std::string tooltip = fmt::format("{}: {} ({})", row.label, percent_change_text(row.ratio), scope_verdict_name(row.verdict));
    if (row.interval && row.interval->low > 0.0) {
      const double low = scale.at(std::max(row.interval->low, scale.low));
      const double high = scale.at(std::min(row.interval->high, scale.high));
      const std::string stroke = fmt::format("stroke=\"{}\" stroke-width=\"1.5\" class=\"whisker\"", colour);
      svg.line(low, y, high, y, stroke);
      svg.line(low, y - 4, low, y + 4, stroke);
      svg.line(high, y - 4, high, y + 4, stroke);
      tooltip += fmt::format(", interval {} to {}", percent_change_text(row.interval->low), percent_change_text(row.interval->high));
    }
    svg.circle(scale.at(std::clamp(row.ratio, scale.low, scale.high)), y, row.nested ? 3.5 : 5.0, colour, tooltip);
  }
  return std::move(svg).finish();
}

}  // namespace smp::report
