#pragma once
// The one meaning every export gives a scope's figures: per call. A scope
// called C times in one repetition of the suite (Model_Small_Forward runs 25
// times a generation) reports its time in that repetition divided by C, and
// its heap traffic likewise, so a dashboard's value is comparable across
// scopes and across exports (Google Benchmark's time per iteration).
#include <vector>

#include "report/records/records.hpp"

namespace smp::report {

// Scaling of the median absolute deviation that estimates the standard
// deviation of normally distributed samples.
inline constexpr double kMadToSigma = 1.4826;

struct PerCall {
  std::vector<double> time_ns;  // one per repetition; empty without samples
  double median_ns = 0.0;       // the median repetition's time, per call
  double spread_ns = 0.0;       // kMadToSigma × MAD over repetitions; 0 without samples
  double heap_bytes = 0.0;      // heap bytes allocated inside the scope, per call
  double heap_allocations = 0.0;
};

// Only for scopes with calls > 0; without samples (parsed markdown) only
// median_ns is known.
PerCall per_call(const ScopeRecord& scope);

}  // namespace smp::report
