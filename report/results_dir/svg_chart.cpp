#include "report/results_dir/svg_chart.hpp"
#include "report/common/text_escape.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

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
constexpr double kBottom = 28.0;         // room for the reference lines' labels

struct Scale {
  double low = 0.0;
  double high = 1.0;
  double x(double value) const { return kPlotLeft + (value - low) / (high - low) * kPlotWidth; }
};

// Zero, every bar and every line fit on the scale.
Scale scale_of(const BarChart& chart) {
  Scale scale{0.0, 0.0};
  for (const ChartBar& bar : chart.bars) {
    scale.low = std::min(scale.low, bar.value);
    scale.high = std::max(scale.high, bar.value);
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
  const double rows_height = kRowHeight * static_cast<double>(chart.bars.size());
  const double height = kTop + rows_height + kBottom;
  const double zero = scale.x(0.0);
  std::string svg = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n"
      "  <rect x=\"0\" y=\"0\" width=\"{0:.0f}\" height=\"{1:.0f}\" fill=\"#ffffff\"/>\n"
      "  <text x=\"{2:.1f}\" y=\"24\" font-size=\"16\" font-weight=\"bold\">{3}</text>\n"
      "  <text x=\"{2:.1f}\" y=\"44\" fill=\"#555555\">{4}</text>\n",
      kWidth, height, kPlotLeft, xml_escaped(chart.title), xml_escaped(chart.axis_label));
  for (std::size_t row = 0; row < chart.bars.size(); ++row) {
    const ChartBar& bar = chart.bars[row];
    const double top = kTop + kRowHeight * static_cast<double>(row);
    const double baseline = top + kRowHeight / 2.0 + 4.0;  // text baseline, centred on the bar
    const double end = scale.x(bar.value);
    svg += fmt::format(
        "  <g>\n    <title>{0}: {1}</title>\n"
        "    <text x=\"{2:.1f}\" y=\"{3:.1f}\" text-anchor=\"end\">{0}</text>\n"
        "    <rect x=\"{4:.1f}\" y=\"{5:.1f}\" width=\"{6:.1f}\" height=\"{7:.1f}\" fill=\"{8}\"/>\n"
        "    <text x=\"{9:.1f}\" y=\"{3:.1f}\">{1}</text>\n  </g>\n",
        xml_escaped(bar.label), xml_escaped(bar.value_text), kLabelWidth, baseline, std::min(zero, end),
        top + (kRowHeight - kBarHeight) / 2.0, std::fabs(end - zero), kBarHeight, xml_escaped(bar.colour),
        kPlotLeft + kPlotWidth + 8.0);
  }
  svg += fmt::format("  <line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#333333\"/>\n", zero,
                     kTop, kTop + rows_height);
  for (const ChartLine& line : chart.lines) {
    const double x = scale.x(line.value);
    svg += fmt::format(
        "  <line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" stroke=\"#777777\" "
        "stroke-dasharray=\"4 3\"/>\n"
        "  <text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\" fill=\"#555555\">{4}</text>\n",
        x, kTop, kTop + rows_height, kTop + rows_height + 16.0, xml_escaped(line.label));
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace smp::report
