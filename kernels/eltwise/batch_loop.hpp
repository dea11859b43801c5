#pragma once
// The one loop shape every element-wise kernel uses: full SIMD batches, then a
// single tail batch, so the tail runs the same arithmetic as the body and
// there are no scalar special cases. Where the path has masked loads and
// stores (AVX-512), the tail uses them; elsewhere a small stack buffer padded
// with the fill value.
#include <cstddef>

#include <xsimd/xsimd.hpp>

#include "kernels/arch/isa_extras.hpp"

// Anonymous namespace: ISA code must not leak across translation units (arch_kernels.hpp).
namespace smp::kernels {
namespace {

template <class Arch>
xsimd::batch<float, Arch> load_partial(const float* src, std::size_t count, float fill = 0.0f) {
  using Batch = xsimd::batch<float, Arch>;
  if (count == Batch::size) return Batch::load_unaligned(src);
  if constexpr (IsaExtras<Arch>::masked_tails) {
    return IsaExtras<Arch>::load_partial(src, count, fill);
  } else {
    alignas(64) float buffer[Batch::size];
    for (std::size_t i = 0; i < Batch::size; ++i) buffer[i] = i < count ? src[i] : fill;
    return Batch::load_aligned(buffer);
  }
}

template <class Arch>
void store_partial(float* dst, xsimd::batch<float, Arch> value, std::size_t count) {
  using Batch = xsimd::batch<float, Arch>;
  if (count == Batch::size) {
    value.store_unaligned(dst);
    return;
  }
  if constexpr (IsaExtras<Arch>::masked_tails) {
    IsaExtras<Arch>::store_partial(dst, value, count);
  } else {
    alignas(64) float buffer[Batch::size];
    value.store_aligned(buffer);
    for (std::size_t i = 0; i < count; ++i) dst[i] = buffer[i];
  }
}

// Calls body(offset, count) for each batch-sized chunk of [0, n); count is the
// batch width except possibly for the last chunk.
template <class Arch, class Body>
void for_each_batch(std::size_t n, Body&& body) {
  constexpr std::size_t width = xsimd::batch<float, Arch>::size;
  std::size_t i = 0;
  for (; i + width <= n; i += width) body(i, width);
  if (i < n) body(i, n - i);
}

template <class Arch>
float horizontal_max(xsimd::batch<float, Arch> value) {
  alignas(64) float lanes[xsimd::batch<float, Arch>::size];
  value.store_aligned(lanes);
  float largest = lanes[0];
  for (float lane : lanes) largest = lane > largest ? lane : largest;
  return largest;
}

}  // namespace
}  // namespace smp::kernels
