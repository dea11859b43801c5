#pragma once
// Where the time goes: each top-level scope's share of the time measured at
// the top level (the sum of their medians, so nested scopes are not counted
// twice); shared by the summary's findings and the time-share chart so both
// name the same scopes and figures.
#include <string>
#include <vector>

#include "report/records/records.hpp"

namespace smp::report {

struct TimeShare {
  std::string name;
  double time_ms = 0.0;  // the scope's median time per repetition
  double percent = 0.0;  // of TimeShares::total_ms
};

struct TimeShares {
  double total_ms = 0.0;          // the sum over the top-level scopes
  std::vector<TimeShare> scopes;  // largest first, ties in the report's order
};

// Empty scopes when no top-level scope took any time.
TimeShares top_level_time_shares(const ProfileRecord& profile);

}  // namespace smp::report
