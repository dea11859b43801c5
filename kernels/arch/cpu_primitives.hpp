#pragma once
// The two CPU primitives outside SIMD the project uses, per platform: a hint
// inside a spin-wait, and a cheap counter at a fixed rate (the profiler's
// clock, converted to time in report/measure/tick_clock.hpp). Where the
// platform has neither, the hint does nothing and the counter is steady_clock.
#if defined(__x86_64__)
#include "kernels/arch/x86/cpu_primitives.hpp"
#elif defined(__aarch64__)
#include "kernels/arch/arm/cpu_primitives.hpp"
#else
#include <chrono>
#include <cstdint>

namespace smp::kernels {

inline void spin_wait_hint() noexcept {}

inline std::uint64_t read_ticks() noexcept {
  return static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
}

}  // namespace smp::kernels
#endif
