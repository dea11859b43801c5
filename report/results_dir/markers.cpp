#include "report/results_dir/markers.hpp"

#include <algorithm>

namespace smp::report {

Direction judge_change(const std::optional<double>& change_pct, double band_pct, bool smaller_is_better) {
  if (!change_pct) return Direction::within;
  const double worsening = smaller_is_better ? *change_pct : -*change_pct;
  if (worsening > band_pct) return Direction::worse;
  if (worsening < -band_pct) return Direction::better;
  return Direction::within;
}

Direction judge_scope(const ComparisonRecord& record, const ScopeComparison& method) {
  const GateResult& gate = record.gate;
  if (is_statistical(gate.method)) {
    const auto stats = std::find_if(gate.scopes.begin(), gate.scopes.end(),
                                    [&](const ScopeStatistics& s) { return s.name == method.name; });
    if (stats != gate.scopes.end()) {
      if (stats->verdict == ScopeVerdict::regressed) return Direction::worse;
      if (stats->verdict == ScopeVerdict::improved) return Direction::better;
      return Direction::within;
    }
  }
  return judge_change(method.change_pct, gate.options.threshold_pct, true);
}

std::string marker(Direction direction) {
  switch (direction) {
    case Direction::better: return "🟢";
    case Direction::worse: return "🔴";
    case Direction::within: break;
  }
  return "⚪";
}

std::string marker_colour(Direction direction) {
  switch (direction) {
    case Direction::better: return "#2e7d32";
    case Direction::worse: return "#c62828";
    case Direction::within: break;
  }
  return "#9e9e9e";
}

}  // namespace smp::report
