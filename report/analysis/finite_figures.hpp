#pragma once
// Every figure a comparison derives (sums, changes, ratios, per-token and
// GFLOPS figures, the gate's statistics) must be a finite number: finite
// inputs can still add up to infinity (1.7e308 twice) or divide into it, and
// an infinite or NaN figure would make every comparison with a threshold false.
#include "report/records/comparison_record.hpp"
#include "report/records/records.hpp"

namespace smp::report {

// Throws InputError naming the report the first non-finite figure derives
// from (CURR, with PREV named in the message, when it derives from both).
void check_finite_figures(const ComparisonRecord& record, const ProfileRecord& previous, const ProfileRecord& current);

}  // namespace smp::report
