#pragma once
// The noise behind each top-level scope's figure: a strip of its samples
// (one per repetition, coloured by the process it ran in) as the ratio to
// the scope's median, on a log axis, so a scope's spread reads against the
// gate's threshold.
#include <optional>
#include <string>

#include "report/records/records.hpp"

namespace smp::report {

// Empty when no top-level scope has two or more samples.
std::optional<std::string> repetition_svg(const ProfileRecord& profile, double threshold_pct);

}  // namespace smp::report
