#pragma once
// Each scope's % of the machine's measured peak, as a bar chart built from
// the records (the change chart is scope_change_chart.hpp).
#include <optional>
#include <string_view>

#include "report/records/comparison_record.hpp"
#include "report/records/records.hpp"
#include "report/results_dir/svg_chart.hpp"

namespace smp::report {


// One bar per scope with a work model, lowest first, with lines at
// kLowPeakPercent and 100 %; empty when the peak was not measured.
std::optional<BarChart> peak_chart(const ProfileRecord& profile);

}  // namespace smp::report
