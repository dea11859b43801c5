#include "report/results_dir/svg_canvas.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "report/results_dir/svg_chart.hpp"

namespace smp::report {

double LogScale::at(double value) const {
  return from + (std::log(value) - std::log(low)) / (std::log(high) - std::log(low)) * (to - from);
}

std::vector<double> LogScale::decade_ticks() const {
  std::vector<double> ticks;
  for (double decade = std::pow(10.0, std::floor(std::log10(low))); decade <= high; decade *= 10.0) {
    for (double step : {1.0, 2.0, 5.0}) {
      const double tick = decade * step;
      if (tick >= low && tick <= high) ticks.push_back(tick);
    }
  }
  return ticks;
}

std::vector<double> LogScale::ratio_ticks(double gap) const {
  std::vector<double> ticks;
  for (double ratio : {1.0, 10.0, 0.1, 4.0, 0.25, 2.0, 0.5, 1.5, 0.67, 1.25, 0.8, 1.1, 0.9, 1.05, 0.95, 1.02, 0.98, 1.01, 0.99}) {
    const bool clear = std::none_of(ticks.begin(), ticks.end(),
                                    [&](double kept) { return std::fabs(at(kept) - at(ratio)) < gap; });
    if (ratio >= low && ratio <= high && clear) ticks.push_back(ratio);
  }
  return ticks;
}

std::string percent_change_text(double ratio) {
  const double percent = (ratio - 1.0) * 100.0;
  if (std::fabs(percent) < 0.05) return "0";
  return fmt::format("{:+.{}f}%", percent, std::fabs(percent) < 10.0 ? 1 : 0);
}

SvgCanvas::SvgCanvas(double width, double height) {
  svg_ = fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n"
      "  <rect x=\"0\" y=\"0\" width=\"{0:.0f}\" height=\"{1:.0f}\" fill=\"#ffffff\"/>\n",
      width, height);
}

void SvgCanvas::text(double x, double y, std::string_view content, std::string_view attributes) {
  svg_ += fmt::format("  <text x=\"{:.1f}\" y=\"{:.1f}\" {}>{}</text>\n", x, y, attributes, xml_escaped(content));
}

void SvgCanvas::line(double x1, double y1, double x2, double y2, std::string_view attributes) {
  svg_ += fmt::format("  <line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" {}/>\n", x1, y1, x2, y2, attributes);
}

void SvgCanvas::rect(double x, double y, double width, double height, std::string_view attributes) {
  svg_ += fmt::format("  <rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" {}/>\n", x, y, width, height,
                      attributes);
}

void SvgCanvas::circle(double x, double y, double radius, std::string_view fill, std::string_view tooltip) {
  svg_ += fmt::format("  <circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\"><title>{}</title></circle>\n", x, y,
                      radius, xml_escaped(fill), xml_escaped(tooltip));
}

void SvgCanvas::begin_group(std::string_view tooltip) {
  svg_ += fmt::format("  <g>\n    <title>{}</title>\n", xml_escaped(tooltip));
}

void SvgCanvas::end_group() { svg_ += "  </g>\n"; }

void SvgCanvas::legend(double x, double y, const std::vector<std::pair<std::string, std::string>>& colour_and_label) {
  svg_ += "  <g class=\"legend\">\n";
  for (const auto& [colour, label] : colour_and_label) {
    svg_ += fmt::format("    <rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"10\" height=\"10\" fill=\"{}\"/>\n", x, y - 9.0,
                        xml_escaped(colour));
    svg_ += fmt::format("    <text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n", x + 14.0, y, xml_escaped(label));
    x += 14.0 + 7.0 * static_cast<double>(label.size()) + 18.0;
  }
  svg_ += "  </g>\n";
}

std::string SvgCanvas::finish() && { return std::move(svg_) + "</svg>\n"; }

}  // namespace smp::report
