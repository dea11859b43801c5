#pragma once
// The regression gate: per-scope statistics (or SmallMind's threshold rule
// when the reports carry no raw samples), allocation changes and environment
// differences, decided into one verdict (see GateResult).
#include "report/records/comparison_record.hpp"
#include "report/records/records.hpp"

namespace smp::report {

GateResult evaluate_gate(const ProfileRecord& previous, const ProfileRecord& current,
                         const SmallMindComparison& smallmind, const GateOptions& options);

}  // namespace smp::report
