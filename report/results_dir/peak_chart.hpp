#pragma once
// Each scope's % of the machine's measured peak, as a bar chart built from
// the records: how far each kernel is from the limit that binds it.
#include <optional>

#include "report/records/records.hpp"
#include "report/results_dir/svg_chart.hpp"

namespace smp::report {

// Past this the measured memory bandwidth does not bound a scope (its data
// stayed in cache), so the axis ends here and longer bars are cut.
inline constexpr double kPeakChartAxisPercent = 100.0;

// One bar per scope with a work model, lowest first, coloured by the bound
// (compute or memory), with lines at kLowPeakPercent and 100 %; empty when
// the peak was not measured.
std::optional<BarChart> peak_chart(const ProfileRecord& profile);

}  // namespace smp::report
