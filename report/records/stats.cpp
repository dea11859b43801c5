#include "report/records/stats.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace smp::report {

double median(std::span<const double> samples) {
  if (samples.empty()) return 0.0;
  std::vector<double> sorted(samples.begin(), samples.end());
  std::sort(sorted.begin(), sorted.end());
  const std::size_t middle = sorted.size() / 2;
  return sorted.size() % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
}

Summary summarise(std::span<const double> samples) {
  if (samples.empty()) return {};
  Summary summary;
  summary.median = median(samples);
  std::vector<double> deviations(samples.size());
  std::transform(samples.begin(), samples.end(), deviations.begin(),
                 [&](double x) { return std::fabs(x - summary.median); });
  summary.mad = median(deviations);
  const auto [lowest, highest] = std::minmax_element(samples.begin(), samples.end());
  summary.min = *lowest;
  summary.max = *highest;
  return summary;
}

}  // namespace smp::report
