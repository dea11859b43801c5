#pragma once
// github-action-benchmark's `customSmallerIsBetter` input: a JSON array of
// {name, unit, value, range, extra}. Per scope (figures per call, see
// per_call.hpp): its time in ns, the median over repetitions, with
// 1.4826 × MAD as the range; and for our own measurements its heap bytes and
// allocations per call as two more series ("<scope> heap bytes", "<scope>
// heap allocations"), exact and so the same between identical builds. Names
// are unique, so the action's alert (a value over threshold × the previous
// one of the same name) compares like with like.
#include <string>

#include "report/records/records.hpp"

namespace smp::report {

std::string profile_to_github_benchmark_json(const ProfileRecord& profile);

}  // namespace smp::report
