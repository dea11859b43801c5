#pragma once
// The machine and build a measurement ran on, as the context block every
// report carries (so a comparison can warn when two runs are not alike).
#include <cstdint>

#include "report/records/records.hpp"

namespace smp::report {

// What the caller knows about the run; the rest is read from the machine.
struct RunSettings {
  int threads = 1;
  std::uint64_t seed = 42;
  int repetitions = 0;
};

Environment collect_environment(const RunSettings& settings);


}  // namespace smp::report
