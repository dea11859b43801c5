#include "report/analysis/significance.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace smp::report {

std::vector<double> holm_adjust(std::span<const double> p_values) {
  const std::size_t count = p_values.size();
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
  std::vector<double> adjusted(count);
  double running_max = 0.0;
  for (std::size_t rank = 0; rank < count; ++rank) {
    const double scaled = std::min(1.0, static_cast<double>(count - rank) * p_values[order[rank]]);
    running_max = std::max(running_max, scaled);
    adjusted[order[rank]] = running_max;
  }
  return adjusted;
}

double geometric_mean(std::span<const double> ratios) {
  if (ratios.empty()) return 1.0;
  double log_sum = 0.0;
  for (double ratio : ratios) log_sum += std::log(ratio);
  return std::exp(log_sum / static_cast<double>(ratios.size()));
}

}  // namespace smp::report
