#include "report/analysis/time_share.hpp"

#include <algorithm>

namespace smp::report {

TimeShares top_level_time_shares(const ProfileRecord& profile) {
  TimeShares shares;
  for (const ScopeRecord& scope : profile.scopes) {
    if (!scope.is_top_level()) continue;
    shares.scopes.push_back({scope.name, scope.time_ms(), 0.0});
    shares.total_ms += scope.time_ms();
  }
  if (shares.total_ms <= 0.0) return {};
  for (TimeShare& share : shares.scopes) share.percent = share.time_ms / shares.total_ms * 100.0;
  std::stable_sort(shares.scopes.begin(), shares.scopes.end(),
                   [](const TimeShare& a, const TimeShare& b) { return a.time_ms > b.time_ms; });
  return shares;
}

}  // namespace smp::report
