#pragma once
// Bencher Metric Format (BMF) JSON: one benchmark per scope, with Bencher's
// built-in `latency` measure (nanoseconds: the median time per repetition,
// bounded by the fastest and slowest repetition) and, for our own
// measurements (with samples), a `heap-bytes` measure (bytes allocated per repetition),
// which Bencher creates on first upload.
#include <string>

#include "report/records/records.hpp"

namespace smp::report {

std::string profile_to_bencher_json(const ProfileRecord& profile);

}  // namespace smp::report
