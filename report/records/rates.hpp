#pragma once
// The one definition of a throughput figure on the records: GFLOPS when the
// work is floating-point operations, GB/s when it is bytes.
#include <cstdint>

#include "report/common/units.hpp"

namespace smp::report {

inline constexpr double kGiga = 1e9;

// Billions of work units per second: `work_per_call` done `calls` times in
// `time_ms`; 0 when there is no work or no time.
inline double giga_per_second(double work_per_call, double calls, double time_ms) {
  if (work_per_call <= 0.0 || time_ms <= 0.0) return 0.0;
  return work_per_call * calls / (time_ms / kMsPerSecond) / kGiga;
}

}  // namespace smp::report
