#pragma once
// Comparing two profiles is a pure function: two records in, one comparison
// record out. Nothing here reads files or prints; render_comparison.hpp and
// comparison_json.hpp turn the result into text.
#include "report/records/comparison_record.hpp"
#include "report/records/records.hpp"

namespace smp::report {

// SmallMind's comparison rules, reproduced exactly (see SmallMindComparison).
SmallMindComparison compare_smallmind(const ProfileRecord& previous, const ProfileRecord& current);

// Throws InputError when every common scope's time is 0 on one side, or
// when a derived figure is not finite (see finite_figures.hpp).
ComparisonRecord compare_profiles(const ProfileRecord& previous, const ProfileRecord& current,
                                  const GateOptions& options);

}  // namespace smp::report
