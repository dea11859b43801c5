#include "report/analysis/round_changes.hpp"

#include <algorithm>
#include <cmath>

#include "report/records/stats.hpp"

namespace smp::report {
namespace {

bool all_usable(const std::vector<double>& times_ms) {
  return std::all_of(times_ms.begin(), times_ms.end(), [](double ms) { return ms > 0.0 && std::isfinite(ms); });
}

std::optional<double> round_log_change(const std::vector<double>& before, const std::vector<double>& after) {
  if (before.empty() || after.empty() || !all_usable(before) || !all_usable(after)) return std::nullopt;
  if (before.size() != after.size()) return std::log(median(after) / median(before));
  std::vector<double> pairs;
  for (std::size_t i = 0; i < before.size(); ++i) pairs.push_back(std::log(after[i] / before[i]));
  return median(pairs);
}

}  // namespace

std::optional<std::vector<double>> round_log_changes(const ScopeRecord& previous, const ScopeRecord& current) {
  const std::vector<std::vector<double>> before = previous.process_samples_ms();
  const std::vector<std::vector<double>> after = current.process_samples_ms();
  if (before.size() != after.size()) return std::nullopt;
  std::vector<double> changes;
  for (std::size_t round = 0; round < before.size(); ++round) {
    const std::optional<double> change = round_log_change(before[round], after[round]);
    if (!change) return std::nullopt;
    changes.push_back(*change);
  }
  return changes;
}

}  // namespace smp::report
