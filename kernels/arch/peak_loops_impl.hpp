#pragma once
// Bodies of the peak-calibration loops for one architecture.
#include "kernels/arch/peak_loops.hpp"

namespace smp::kernels {

template <class Arch>
std::size_t PeakLoops<Arch>::lanes() {
  return xsimd::batch<float, Arch>::size;
}

template <class Arch>
float PeakLoops<Arch>::fma_chains(std::int64_t iterations) {
  using Batch = xsimd::batch<float, Arch>;
  // acc ← acc·x + y converges towards y / (1 − x) without overflow or denormals.
  const Batch x(0.999999f);
  const Batch y(1e-3f);
  Batch acc[kChains];
  for (int c = 0; c < kChains; ++c) acc[c] = Batch(static_cast<float>(c));
  for (std::int64_t i = 0; i < iterations; ++i) {
    for (int c = 0; c < kChains; ++c) acc[c] = xsimd::fma(acc[c], x, y);
  }
  Batch total(0.0f);
  for (int c = 0; c < kChains; ++c) total += acc[c];
  return xsimd::hadd(total);
}

template <class Arch>
float PeakLoops<Arch>::sum_stream(const float* data, std::size_t count) {
  using Batch = xsimd::batch<float, Arch>;
  constexpr std::size_t kWidth = Batch::size;
  Batch s0(0.0f), s1(0.0f), s2(0.0f), s3(0.0f);
  for (std::size_t i = 0; i + 4 * kWidth <= count; i += 4 * kWidth) {
    s0 += Batch::load_aligned(data + i);
    s1 += Batch::load_aligned(data + i + kWidth);
    s2 += Batch::load_aligned(data + i + 2 * kWidth);
    s3 += Batch::load_aligned(data + i + 3 * kWidth);
  }
  return xsimd::hadd((s0 + s1) + (s2 + s3));
}

}  // namespace smp::kernels
