#pragma once
// The chart that answers "what changed, and is it real?": each scope's time
// ratio against the baseline on a logarithmic axis (ticks as % change, a line
// at no change), the gate's confidence interval as whiskers, the threshold
// band shaded, the gate's four verdicts in four colours with a legend, nested
// scopes grouped under their parent, and the baseline and any environment
// difference named above the plot.
#include <optional>
#include <string>

#include "report/records/run_results.hpp"

namespace smp::report {

// Empty when no scope has a change to show.
std::optional<std::string> scope_change_svg(const RunBaseline& baseline);

}  // namespace smp::report
