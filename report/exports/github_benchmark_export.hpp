#pragma once
// github-action-benchmark's `customSmallerIsBetter` input: a JSON array with
// one entry per scope, its time per repetition (the median over repetitions)
// in milliseconds, the median absolute deviation as the range, and the calls
// and repetitions behind it as the extra text the action shows in tooltips.
#include <string>

#include "report/records/records.hpp"

namespace smp::report {

std::string profile_to_github_benchmark_json(const ProfileRecord& profile);

}  // namespace smp::report
