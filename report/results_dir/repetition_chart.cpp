#include "report/results_dir/repetition_chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/formats/scaled_units.hpp"
#include "report/results_dir/svg_canvas.hpp"

namespace smp::report {
namespace {

using namespace row_chart;
constexpr double kTop = 84.0;
constexpr double kRowHeight = 24.0;
constexpr const char* kProcessColours[] = {"#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a", "#00838f", "#ad1457"};

}  // namespace

std::optional<std::string> repetition_svg(const ProfileRecord& profile, double threshold_pct) {
  std::vector<const ScopeRecord*> scopes;
  double reach = std::log(1.0 + threshold_pct / 100.0) * 1.2;
  for (const ScopeRecord& scope : profile.scopes) {
    if (!scope.is_top_level() || scope.inclusive_ms.size() < 2 || scope.time_ms() <= 0.0) continue;
    scopes.push_back(&scope);
    for (double sample : scope.inclusive_ms) {
      if (sample > 0.0) reach = std::max(reach, std::fabs(std::log(sample / scope.time_ms())) * 1.1);
    }
  }
  if (scopes.empty()) return std::nullopt;
  reach = std::min(reach, std::log(10.0));
  const LogScale scale{std::exp(-reach), std::exp(reach), kPlotLeft, kPlotRight};
  const double plot_bottom = kTop + kRowHeight * static_cast<double>(scopes.size());
  SvgCanvas svg(kWidth, plot_bottom + kAxisHeight);
  svg.text(16, 24, "Noise per top-level scope: every repetition against the scope's median",
           "font-size=\"16\" font-weight=\"bold\"");
  svg.text(16, 44,
           fmt::format("One dot per repetition, coloured by its process ({} process(es), {} sample(s) a scope); "
                       "shaded: the gate's ±{:g}% threshold",
                       scopes.front()->process_count(), scopes.front()->inclusive_ms.size(), threshold_pct),
           "fill=\"#555555\"");

  const double band_low = scale.at(std::max(1.0 - threshold_pct / 100.0, scale.low));
  const double band_high = scale.at(std::min(1.0 + threshold_pct / 100.0, scale.high));
  svg.rect(band_low, kTop, band_high - band_low, plot_bottom - kTop, "fill=\"#e3f2fd\" class=\"threshold-band\"");
  for (double ratio : scale.ratio_ticks(kMinTickGap)) {
    const double x = scale.at(ratio);
    svg.line(x, kTop, x, plot_bottom, "stroke=\"#dddddd\"");
    svg.text(x, plot_bottom + 18, percent_change_text(ratio), "text-anchor=\"middle\" class=\"tick\"");
  }
  svg.line(kPlotLeft, plot_bottom, kPlotRight, plot_bottom, "stroke=\"#333333\" class=\"axis\"");
  svg.line(scale.at(1.0), kTop, scale.at(1.0), plot_bottom, "stroke=\"#333333\" class=\"zero-line\"");
  svg.text((kPlotLeft + kPlotRight) / 2.0, plot_bottom + 36, "repetition's time against the scope's median (log)",
           "text-anchor=\"middle\" fill=\"#555555\"");

  for (std::size_t row = 0; row < scopes.size(); ++row) {
    const ScopeRecord& scope = *scopes[row];
    const double y = kTop + kRowHeight * (static_cast<double>(row) + 0.5);
    svg.text(kLabelRight, y + 4, fmt::format("{} ({})", scope.name, duration_text(scope.time_ms())), "text-anchor=\"end\"");
    for (std::size_t i = 0; i < scope.inclusive_ms.size(); ++i) {
      const std::size_t process = scope.sample_process.empty() ? 0 : scope.sample_process[i];
      const double ratio = std::clamp(scope.inclusive_ms[i] / scope.time_ms(), scale.low, scale.high);
      // Processes a little apart vertically, so their dots do not hide each other.
      const double offset = (static_cast<double>(process % 5) - 2.0) * 3.0;
      svg.circle(scale.at(ratio), y + offset, 3.0, kProcessColours[process % std::size(kProcessColours)],
                 fmt::format("{}: repetition {} (process {}) {:.4g} ms, {}", scope.name, i + 1, process + 1,
                             scope.inclusive_ms[i], percent_change_text(scope.inclusive_ms[i] / scope.time_ms())));
    }
  }
  return std::move(svg).finish();
}

}  // namespace smp::report
