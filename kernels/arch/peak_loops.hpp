#pragma once
// The inner loops of the peak calibration, per architecture. Bodies live in
// peak_loops_impl.hpp, compiled only in the per-arch peak_*.cpp files.
#include <cstddef>
#include <cstdint>

#include <xsimd/xsimd.hpp>

namespace smp::kernels {

template <class Arch>
struct PeakLoops {
  // Independent FMA chains: enough of them to cover FMA latency × issue width.
  static constexpr int kChains = 12;

  // Runs `iterations` rounds of kChains FMAs; returns a value that depends on
  // every chain so the work cannot be optimised away.
  static float fma_chains(std::int64_t iterations);
  // Sums `count` floats (64-byte aligned, count a multiple of 64) with SIMD loads.
  static float sum_stream(const float* data, std::size_t count);
  static std::size_t lanes();  // floats per SIMD register
};

extern template struct PeakLoops<xsimd::fma3<xsimd::avx2>>;
extern template struct PeakLoops<xsimd::sse4_2>;

}  // namespace smp::kernels
