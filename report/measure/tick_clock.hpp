#pragma once
// The profiler's clock: the CPU's fixed-rate counter (kernels/arch/
// cpu_primitives.hpp: the time-stamp counter on x86-64, the generic timer on
// aarch64), converted to time through a calibration against steady_clock over
// the whole measured interval.
#include <chrono>
#include <cstdint>

#include "kernels/arch/cpu_primitives.hpp"

namespace smp::report {

using kernels::read_ticks;

class TickCalibration {
 public:
  TickCalibration() : start_ticks_(read_ticks()), start_time_(std::chrono::steady_clock::now()) {}

  // Nanoseconds per tick measured from construction until now; longer
  // intervals give a more exact figure, so call it after the measurement.
  double nanoseconds_per_tick() const {
    const std::uint64_t ticks = read_ticks() - start_ticks_;
    const auto elapsed = std::chrono::steady_clock::now() - start_time_;
    const double nanoseconds = std::chrono::duration<double, std::nano>(elapsed).count();
    return ticks == 0 ? 0.0 : nanoseconds / static_cast<double>(ticks);
  }

 private:
  std::uint64_t start_ticks_;
  std::chrono::steady_clock::time_point start_time_;
};

}  // namespace smp::report
