#include "report/results_dir/svg_chart.hpp"
#include "report/common/text_escape.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/results_dir/svg_canvas.hpp"

namespace smp::report {
namespace {

// Layout in SVG user units (pixels at 100 %).
constexpr double kWidth = 960.0;
constexpr double kLabelWidth = 280.0;    // right edge of the row labels
constexpr double kPlotLeft = kLabelWidth + 12.0;
constexpr double kValueWidth = 230.0;    // right of the plot, for the value texts
constexpr double kPlotWidth = kWidth - kPlotLeft - kValueWidth;
constexpr double kTop = 64.0;            // title and axis label above the rows
constexpr double kRowHeight = 22.0;
constexpr double kBarHeight = 14.0;
constexpr double kLegendHeight = 20.0;   // below the axis label, when there is a legend
constexpr double kBottom = 28.0;         // room for the reference lines' labels
constexpr double kNoteHeight = 18.0;     // the line saying how cut bars are marked

struct Scale {
  double low = 0.0;
  double high = 1.0;
  double x(double value) const { return kPlotLeft + (value - low) / (high - low) * kPlotWidth; }
};

// Zero, every bar and every line fit on the scale; up to axis_max, when set.
Scale scale_of(const BarChart& chart) {
  Scale scale{0.0, 0.0};
  for (const ChartBar& bar : chart.bars) {
    scale.low = std::min(scale.low, bar.value);
    scale.high = std::max(scale.high, chart.axis_max ? std::min(bar.value, *chart.axis_max) : bar.value);
  }
  for (const ChartLine& line : chart.lines) {
    scale.low = std::min(scale.low, line.value);
    scale.high = std::max(scale.high, line.value);
  }
  if (scale.high - scale.low <= 0.0) scale.high = scale.low + 1.0;
  return scale;
}

}  // namespace

// Control characters are not allowed in XML even as references, so they are
// shown escaped (\xNN) before the markup characters are replaced.
std::string xml_escaped(std::string_view raw) {
  const std::string text = escaped_for_terminal(raw);
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': escaped += "&amp;"; break;
      case '<': escaped += "&lt;"; break;
      case '>': escaped += "&gt;"; break;
      case '"': escaped += "&quot;"; break;
      case '\'': escaped += "&apos;"; break;
      default: escaped += c;
    }
  }
  return escaped;
}

std::string render_bar_chart_svg(const BarChart& chart) {
  const Scale scale = scale_of(chart);
  const double top = chart.legend.empty() ? kTop : kTop + kLegendHeight;
  const double rows_height = kRowHeight * static_cast<double>(chart.bars.size());
  const bool any_cut = std::any_of(chart.bars.begin(), chart.bars.end(),
                                   [&](const ChartBar& bar) { return bar.value > scale.high; });
  SvgCanvas svg(kWidth, top + rows_height + kBottom + (any_cut ? kNoteHeight : 0.0));
  svg.text(kPlotLeft, 24, chart.title, "font-size=\"16\" font-weight=\"bold\"");
  svg.text(kPlotLeft, 44, chart.axis_label, "fill=\"#555555\"");
  if (!chart.legend.empty()) svg.legend(kPlotLeft, 64, chart.legend);
  const double zero = scale.x(0.0);
  for (std::size_t row = 0; row < chart.bars.size(); ++row) {
    const ChartBar& bar = chart.bars[row];
    const double bar_top = top + kRowHeight * static_cast<double>(row) + (kRowHeight - kBarHeight) / 2.0;
    const double baseline = top + kRowHeight * static_cast<double>(row) + kRowHeight / 2.0 + 4.0;  // centred on the bar
    const bool cut = bar.value > scale.high;
    const double end = scale.x(std::min(bar.value, scale.high));
    svg.begin_group(bar.label + ": " + bar.value_text);
    svg.text(kLabelWidth, baseline, bar.label, "text-anchor=\"end\"");
    svg.rect(std::min(zero, end), bar_top, std::fabs(end - zero), kBarHeight, fmt::format("fill=\"{}\"", xml_escaped(bar.colour)));
    if (cut) {
      // Two white strokes across the bar's end, as an axis break.
      for (double x : {end - 12.0, end - 7.0}) {
        svg.line(x - 3.0, bar_top + kBarHeight + 1.0, x + 3.0, bar_top - 1.0, "stroke=\"#ffffff\" stroke-width=\"2\" class=\"cut\"");
      }
    }
    svg.text(kPlotLeft + kPlotWidth + 8.0, baseline, bar.value_text);
    svg.end_group();
  }
  svg.line(zero, top, zero, top + rows_height, "stroke=\"#333333\"");
  for (const ChartLine& line : chart.lines) {
    const double x = scale.x(line.value);
    svg.line(x, top, x, top + rows_height, "stroke=\"#777777\" stroke-dasharray=\"4 3\"");
    svg.text(x, top + rows_height + 16.0, line.label, "text-anchor=\"middle\" fill=\"#555555\"");
  }
  if (any_cut) {
    svg.text(kPlotLeft, top + rows_height + kBottom + 10.0,
             "Bars marked // are cut at the end of the axis; the figure on the right is the whole value.",
             "fill=\"#555555\"");
  }
  return std::move(svg).finish();
}

}  // namespace smp::report
