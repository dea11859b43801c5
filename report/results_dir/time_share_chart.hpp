#pragma once
// Where the time goes: each top-level scope's share of the time measured at
// the top level, as sorted bars with their percentages; the smallest shares
// are grouped into one "other" bar.
#include <optional>

#include "report/records/records.hpp"
#include "report/results_dir/svg_chart.hpp"

namespace smp::report {

// Top-level scopes below this share are grouped, when there are two or more.
inline constexpr double kOtherSharePercent = 1.0;

// Largest share first; empty with fewer than two top-level scopes that took time.
std::optional<BarChart> time_share_chart(const ProfileRecord& profile);

}  // namespace smp::report
