#pragma once
// PROFILING_METRICS_SUMMARY.md: the key metrics against the baseline with a
// colour marker each, the gate's verdict, the worst regressions and best
// improvements, the findings derived from the data, and links to the charts.
// Every figure comes from the records (the comparison's own figures where it
// has them), so the summary always agrees with the comparison report.
#include <string>

#include "report/records/run_results.hpp"

namespace smp::report {

// How many scopes the regression and improvement tables list.
inline constexpr std::size_t kSummaryListedScopes = 5;

std::string render_run_summary(const RunResults& results);

}  // namespace smp::report
