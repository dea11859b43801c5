#include "report/results_dir/roofline_chart.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "report/records/rates.hpp"
#include "report/results_dir/svg_canvas.hpp"

namespace smp::report {
namespace {

constexpr double kWidth = 960.0;
constexpr double kHeight = 600.0;
constexpr double kLeft = 80.0;
constexpr double kRight = 760.0;
constexpr double kTop = 70.0;
constexpr double kBottom = 530.0;
constexpr double kPointRadius = 4.5;
constexpr double kLabelLine = 12.0;       // a point label's height at font size 11
constexpr double kLabelCharWidth = 6.2;   // its average character width
constexpr int kMaxLabelShift = 4;         // rows a label may move up or down

struct KernelPoint {
  std::string name;
  double intensity = 0.0;  // FLOP per byte
  double gflops = 0.0;
};

// Where a point's label goes: beside the point, or the nearest row above or
// below it where the label overlaps none placed before (nearby points, such as
// a kernel and its own iteration scope, would otherwise print over each other).
struct LabelBox {
  double left = 0.0;
  double right = 0.0;
  double baseline = 0.0;
  bool overlaps(const LabelBox& other) const {
    return left < other.right && other.left < right && std::fabs(baseline - other.baseline) < kLabelLine;
  }
};

LabelBox free_label_box(const std::vector<LabelBox>& placed, double left, double baseline, const std::string& text) {
  const double right = left + kLabelCharWidth * static_cast<double>(text.size());
  for (int step = 0; step <= 2 * kMaxLabelShift; ++step) {
    const int rows = step % 2 == 0 ? step / 2 : -(step + 1) / 2;  // 0, -1, +1, -2, +2, ...
    const LabelBox box{left, right, baseline + kLabelLine * rows};
    if (std::none_of(placed.begin(), placed.end(), [&](const LabelBox& other) { return box.overlaps(other); })) return box;
  }
  return {left, right, baseline};
}

std::string tick_text(double value) { return value >= 1.0 ? fmt::format("{:g}", value) : fmt::format("{:.2g}", value); }

}  // namespace

std::optional<std::string> roofline_svg(const ProfileRecord& profile) {
  if (!profile.context || profile.context->measured.peak_gflops <= 0.0 || profile.context->measured.peak_gbps <= 0.0) {
    return std::nullopt;
  }
  const double peak_gflops = profile.context->measured.peak_gflops;
  const double peak_gbps = profile.context->measured.peak_gbps;
  std::vector<KernelPoint> points;
  for (const ScopeRecord& scope : profile.scopes) {
    const double gflops = giga_per_second(scope.flops_per_call, static_cast<double>(scope.calls), scope.time_ms());
    if (gflops <= 0.0 || scope.bytes_per_call <= 0.0) continue;
    points.push_back({scope.name, scope.flops_per_call / scope.bytes_per_call, gflops});
  }
  if (points.empty()) return std::nullopt;

  const double balance = peak_gflops / peak_gbps;  // FLOP per byte where the two ceilings meet
  double x_low = balance, x_high = balance, y_low = peak_gflops, y_high = peak_gflops;
  for (const KernelPoint& p : points) {
    x_low = std::min(x_low, p.intensity);
    x_high = std::max(x_high, p.intensity);
    y_low = std::min(y_low, p.gflops);
    y_high = std::max(y_high, p.gflops);
  }
  const LogScale x{x_low / 2.0, x_high * 2.0, kLeft, kRight};
  const LogScale y{y_low / 2.0, y_high * 2.0, kBottom, kTop};

  SvgCanvas svg(kWidth, kHeight);
  svg.text(16, 24, "Roofline: achieved GFLOPS per kernel scope against its arithmetic intensity",
           "font-size=\"16\" font-weight=\"bold\"");
  svg.text(16, 44,
           fmt::format("Ceilings from this machine's measured peaks: {:.1f} GFLOPS (FMA, {}) and {:.1f} GB/s (memory "
                       "read); they meet at {:.2f} FLOP/byte",
                       peak_gflops, profile.context->measured.peak_isa.empty() ? "widest path" : profile.context->measured.peak_isa,
                       peak_gbps, balance),
           "fill=\"#555555\"");
  for (double tick : x.decade_ticks()) {
    svg.line(x.at(tick), kTop, x.at(tick), kBottom, "stroke=\"#eeeeee\"");
    svg.text(x.at(tick), kBottom + 16, tick_text(tick), "text-anchor=\"middle\" class=\"tick\"");
  }
  for (double tick : y.decade_ticks()) {
    svg.line(kLeft, y.at(tick), kRight, y.at(tick), "stroke=\"#eeeeee\"");
    svg.text(kLeft - 6, y.at(tick) + 4, tick_text(tick), "text-anchor=\"end\" class=\"tick\"");
  }
  svg.line(kLeft, kBottom, kRight, kBottom, "stroke=\"#333333\" class=\"axis\"");
  svg.line(kLeft, kTop, kLeft, kBottom, "stroke=\"#333333\" class=\"axis\"");
  svg.text((kLeft + kRight) / 2.0, kBottom + 36, "arithmetic intensity (FLOP per byte of memory traffic, log)",
           "text-anchor=\"middle\"");
  svg.text(20, (kTop + kBottom) / 2.0, "GFLOPS (log)",
           fmt::format("text-anchor=\"middle\" transform=\"rotate(-90 20 {:.1f})\"", (kTop + kBottom) / 2.0));

  // The ceilings: bandwidth × intensity up to the balance point, then the compute peak.
  const double slope_start = std::max(x.low, y.low / peak_gbps);
  const std::string ceiling = "stroke=\"#1565c0\" stroke-width=\"2\" class=\"ceiling\"";
  svg.line(x.at(slope_start), y.at(slope_start * peak_gbps), x.at(balance), y.at(peak_gflops), ceiling);
  svg.line(x.at(balance), y.at(peak_gflops), kRight, y.at(peak_gflops), ceiling);
  svg.text(kRight - 4, y.at(peak_gflops) - 6, fmt::format("{:.1f} GFLOPS", peak_gflops), "text-anchor=\"end\" fill=\"#1565c0\"");
  svg.text(x.at(slope_start) + 6, y.at(slope_start * peak_gbps) - 8, fmt::format("{:.1f} GB/s", peak_gbps), "fill=\"#1565c0\"");

  // Labels keep clear of every point and of the labels placed before them.
  std::vector<LabelBox> placed;
  for (const KernelPoint& p : points) {
    placed.push_back({x.at(p.intensity) - kPointRadius, x.at(p.intensity) + kPointRadius, y.at(p.gflops) + 4});
  }
  for (const KernelPoint& p : points) {
    const bool memory_bound = p.intensity < balance;
    const double roof = memory_bound ? p.intensity * peak_gbps : peak_gflops;
    const double px = x.at(p.intensity), py = y.at(p.gflops);
    svg.circle(px, py, kPointRadius, memory_bound ? kMemoryBoundColour : kComputeBoundColour,
               fmt::format("{}: {:.2f} FLOP/byte, {:.2f} GFLOPS, {:.0f}% of its roof ({}-bound)", p.name, p.intensity,
                           p.gflops, 100.0 * p.gflops / roof, memory_bound ? "memory" : "compute"));
    const LabelBox box = free_label_box(placed, px + 7, py + 4, p.name);
    if (box.baseline != py + 4) svg.line(px, py, box.left - 1, box.baseline - 4, "stroke=\"#9e9e9e\" class=\"leader\"");
    svg.text(box.left, box.baseline, p.name, "font-size=\"11\" class=\"point-label\"");
    placed.push_back(box);
  }
  svg.legend(kLeft, kHeight - 18,
             {{std::string(kMemoryBoundColour), "memory-bound (left of the balance point)"},
              {std::string(kComputeBoundColour), "compute-bound"},
              {"#1565c0", "measured ceilings"}});
  return std::move(svg).finish();
}

}  // namespace smp::report
