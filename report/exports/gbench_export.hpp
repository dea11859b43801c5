#pragma once
// Google Benchmark–compatible JSON of a profile, so existing tools
// (tools/compare.py, github-action-benchmark's googlecpp input) read it as is.
// Each scope is a benchmark family: one "iteration" run per repetition
// (iterations = calls, time per call) plus mean/median/stddev aggregates.
// The profiler measures wall time only, so cpu_time repeats real_time.
#include <string>

#include "report/records/records.hpp"

namespace smp::report {

std::string profile_to_gbench_json(const ProfileRecord& profile);

}  // namespace smp::report
