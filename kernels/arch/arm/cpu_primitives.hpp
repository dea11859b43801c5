#pragma once
// aarch64's CPU primitives (kernels/arch/cpu_primitives.hpp): YIELD, and the
// generic timer's virtual count, which every AArch64 core has, runs at a
// fixed rate (CNTFRQ_EL0) and Linux lets user code read.
#include <cstdint>

namespace smp::kernels {

inline void spin_wait_hint() noexcept { asm volatile("yield" ::: "memory"); }

inline std::uint64_t read_ticks() noexcept {
  std::uint64_t ticks;
  asm volatile("mrs %0, cntvct_el0" : "=r"(ticks));
  return ticks;
}

}  // namespace smp::kernels
