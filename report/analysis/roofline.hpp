#pragma once
// Where a scope sits against the machine's measured limits: achieved GFLOPS
// and GB/s, and the percentage of the limit that binds it (compute when its
// arithmetic intensity exceeds the machine balance, memory otherwise).
#include <optional>
#include <string_view>

#include "report/records/records.hpp"

namespace smp::report {

struct Roofline {
  double gflops = 0.0;
  double gbps = 0.0;
  std::string_view bound;            // "compute" or "memory"
  std::optional<double> percent_of_peak;  // empty when the peak was not measured
};

// Empty for scopes that carry no work figures.
std::optional<Roofline> roofline_of(const ScopeRecord& scope, const RunContext& environment);

}  // namespace smp::report
