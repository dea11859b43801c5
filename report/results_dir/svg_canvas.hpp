#pragma once
// Plain SVG drawing for the run's charts: a document of fixed size, a few
// primitives whose texts are XML-escaped, and a logarithmic scale with ticks.
#include <string>
#include <string_view>
#include <vector>

namespace smp::report {

// The layout of the charts with one row per scope: labels right-aligned on
// the left, a horizontal axis under the rows.
namespace row_chart {
inline constexpr double kWidth = 960.0;
inline constexpr double kLabelRight = 300.0;
inline constexpr double kPlotLeft = 312.0;
inline constexpr double kPlotRight = 900.0;
inline constexpr double kAxisHeight = 44.0;
inline constexpr double kMinTickGap = 44.0;  // pixels between tick labels
}  // namespace row_chart

// A logarithmic scale from [low, high] (both > 0) onto pixels [from, to].
struct LogScale {
  double low = 1.0;
  double high = 10.0;
  double from = 0.0;
  double to = 1.0;
  double at(double value) const;
  // 1-2-5 steps per decade inside the range.
  std::vector<double> decade_ticks() const;
  // Ratios around 1 (1 first, then the widest), each at least `gap` pixels
  // from the others, for an axis of changes.
  std::vector<double> ratio_ticks(double gap) const;
};

// A ratio as a change: "0", "+2.5%", "-33%".
std::string percent_change_text(double ratio);

class SvgCanvas {
 public:
  SvgCanvas(double width, double height);
  // `attributes`: extra SVG attributes, written as given (never user text).
  void text(double x, double y, std::string_view content, std::string_view attributes = "");
  void line(double x1, double y1, double x2, double y2, std::string_view attributes);
  void rect(double x, double y, double width, double height, std::string_view attributes);
  // A point with a tooltip.
  void circle(double x, double y, double radius, std::string_view fill, std::string_view tooltip);
  // Elements between these two share one tooltip.
  void begin_group(std::string_view tooltip);
  void end_group();
  // Coloured squares with their words, in a row from (x, y).
  void legend(double x, double y, const std::vector<std::pair<std::string, std::string>>& colour_and_label);
  std::string finish() &&;

 private:
  std::string svg_;
};

}  // namespace smp::report
