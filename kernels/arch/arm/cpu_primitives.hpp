#pragma once
// AArch64's CPU primitives (kernels/arch/cpu_primitives.hpp): YIELD, and the
// generic timer's virtual count (CNTVCT_EL0: a fixed rate, readable from user
// space on Linux).
#include <cstdint>

namespace smp::kernels {

inline void spin_wait_hint() noexcept { asm volatile("yield"); }

inline std::uint64_t read_ticks() noexcept {
  std::uint64_t count;
  asm volatile("mrs %0, cntvct_el0" : "=r"(count));
  return count;
}

}  // namespace smp::kernels
