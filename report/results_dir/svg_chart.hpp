#pragma once
// Horizontal bar charts as plain SVG text: one labelled bar per row, bars
// growing left or right from zero, optional dashed reference lines, an
// optional end of the axis past which bars are cut, and a legend. Enough for
// a reader to see at a glance what the tables beside the chart say.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smp::report {

struct ChartBar {
  std::string label;       // left of the bar
  double value = 0.0;      // bar length on the chart's scale
  std::string value_text;  // right of the plot
  std::string colour;      // any SVG colour
};

struct ChartLine {
  double value = 0.0;
  std::string label;
};

struct BarChart {
  std::string title;
  std::string axis_label;  // under the title: what the bars measure
  std::vector<ChartBar> bars;
  std::vector<ChartLine> lines;
  // The axis ends here when set: a longer bar is drawn to it and marked as
  // cut, its value_text telling the rest.
  std::optional<double> axis_max;
  std::vector<std::pair<std::string, std::string>> legend;  // colour and label, above the rows
};

// A standalone SVG document; every text is XML-escaped.
std::string render_bar_chart_svg(const BarChart& chart);

std::string xml_escaped(std::string_view text);

}  // namespace smp::report
