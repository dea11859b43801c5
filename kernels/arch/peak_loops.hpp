#pragma once
// The inner loops of the peak calibration, per architecture. Bodies live in
// peak_loops_impl.hpp, compiled only in the per-arch peak_*.cpp files.
#include <cstddef>
#include <cstdint>

#include "kernels/arch/archs.hpp"

namespace smp::kernels {

template <class Arch>
struct PeakLoops {
  // Independent FMA chains: enough to cover FMA latency × issue width (4
  // cycles × 2 pipes on current cores), and no more than the register file
  // holds beside the two constants (16 registers below AVX-512, 32 with it
  // and on AArch64).
  static constexpr int kChains = kVectorRegisters<Arch> == 32 ? 16 : 12;

  // Runs `iterations` rounds of kChains FMAs; returns a value that depends on
  // every chain so the work cannot be optimised away.
  static float fma_chains(std::int64_t iterations);
  // Sums `count` floats (64-byte aligned, count a multiple of 64) with SIMD loads.
  static float sum_stream(const float* data, std::size_t count);
  static std::size_t lanes();  // floats per SIMD register
};

#define SMP_PROMISE_PEAK_LOOPS(Arch) extern template struct PeakLoops<Arch>;
SMP_FOR_EACH_KERNEL_ARCH(SMP_PROMISE_PEAK_LOOPS)
#undef SMP_PROMISE_PEAK_LOOPS

}  // namespace smp::kernels
