#pragma once
// Comparing two profiles is a pure function: two records in, one comparison
// record out. Nothing here reads files or prints; render_comparison.hpp and
// comparison_json.hpp turn the result into text.
#include "comparison_record.hpp"
#include "records.hpp"

namespace smp::report {

// SmallMind's comparison rules, reproduced exactly (see SeedComparison).
SeedComparison compare_seed(const ProfileRecord& previous, const ProfileRecord& current);

// The regression gate over the same methods (see GateResult).
GateResult evaluate_gate(const ProfileRecord& previous, const ProfileRecord& current, const SeedComparison& seed,
                         const GateOptions& options);

ComparisonRecord compare_profiles(const ProfileRecord& previous, const ProfileRecord& current,
                                  const GateOptions& options);

}  // namespace smp::report
