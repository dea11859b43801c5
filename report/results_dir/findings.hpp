#pragma once
// Findings the summary states about a run, each computed from the records
// and naming the figures behind it: which scopes are far from the measured
// peak, how time scales from the Small to the Medium model against their
// parameter counts, whether allocation per generated token changed, where
// the time goes, how noisy the measurements are, what the buffer pool saves,
// and what moved most against the baseline. A finding whose figures are
// missing (no baseline, no peak, a filtered suite) is left out or says which
// figure is missing.
#include <string>
#include <vector>

#include "report/records/run_results.hpp"

namespace smp::report {

// Within this fraction of the parameter ratio, time counts as growing in
// proportion to the parameters.
inline constexpr double kProportionalScalingBand = 0.10;

std::vector<std::string> derive_findings(const RunResults& results);

}  // namespace smp::report
