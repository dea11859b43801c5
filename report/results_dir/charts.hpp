#pragma once
// The run's two pictures, built from the records: each scope's time change
// against the baseline, and each scope's % of the machine's measured peak.
#include <optional>
#include <string_view>

#include "report/records/comparison_record.hpp"
#include "report/records/records.hpp"
#include "report/results_dir/svg_chart.hpp"

namespace smp::report {


// One bar per compared scope, largest slowdown first, coloured as the
// summary's markers; empty when no scope has a percentage change.
std::optional<BarChart> scope_change_chart(const ComparisonRecord& record);

// One bar per scope with a work model, lowest first, with lines at
// kLowPeakPercent and 100 %; empty when the peak was not measured.
std::optional<BarChart> peak_chart(const ProfileRecord& profile);

}  // namespace smp::report
