#include "report/exports/per_call.hpp"

#include "report/common/units.hpp"
#include "report/records/stats.hpp"

namespace smp::report {

PerCall per_call(const ScopeRecord& scope) {
  const double calls = static_cast<double>(scope.calls);
  PerCall figures;
  for (double repetition_ms : scope.inclusive_ms) figures.time_ns.push_back(repetition_ms * kNsPerMs / calls);
  figures.median_ns = scope.time_ms() * kNsPerMs / calls;
  if (scope.has_samples()) {
    figures.spread_ns = kMadToSigma * summarise(figures.time_ns).mad;
    figures.heap_bytes = static_cast<double>(scope.alloc_bytes) / calls;
    figures.heap_allocations = static_cast<double>(scope.alloc_count) / calls;
  }
  return figures;
}

}  // namespace smp::report
