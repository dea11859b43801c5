#include "report/records/records.hpp"

#include "report/common/units.hpp"
#include "report/records/stats.hpp"

namespace smp::report {

double ScopeRecord::time_ms() const { return has_samples() ? median(inclusive_ms) : printed_time_ms; }

double ScopeRecord::avg_ms() const {
  if (!has_samples()) return printed_avg_ms;
  return calls > 0 ? time_ms() / static_cast<double>(calls) : 0.0;
}

double ScopeRecord::alloc_mb() const {
  return has_samples() ? static_cast<double>(alloc_bytes) / kBytesPerMiB : printed_alloc_mb;
}

}  // namespace smp::report
