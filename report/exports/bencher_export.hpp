#pragma once
// Bencher Metric Format (BMF) JSON: one benchmark per scope, figures per call
// (per_call.hpp). `latency` is Bencher's built-in measure in nanoseconds: the
// median over repetitions, bounded by the fastest and slowest repetition.
// Our own measurements (with samples) add `heap-bytes` and
// `heap-allocations` per call: BMF carries no units, and Bencher creates a
// measure it does not know with a generic unit, so a project declares these
// two once, with units "bytes" and "allocations" (see the README).
#include <string>

#include "report/records/records.hpp"

namespace smp::report {

inline constexpr const char* kBencherHeapBytesMeasure = "heap-bytes";
inline constexpr const char* kBencherHeapAllocationsMeasure = "heap-allocations";

std::string profile_to_bencher_json(const ProfileRecord& profile);

}  // namespace smp::report
