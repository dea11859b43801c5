#pragma once
// The one loop shape every element-wise kernel uses: full SIMD batches, then a
// single tail batch padded in a small stack buffer, so the tail runs the same
// arithmetic as the body and there are no scalar special cases.
#include <algorithm>
#include <cstddef>

#include <xsimd/xsimd.hpp>

namespace smp::kernels {
namespace {

template <class Arch>
xsimd::batch<float, Arch> load_partial(const float* src, std::size_t count, float fill = 0.0f) {
  using Batch = xsimd::batch<float, Arch>;
  if (count == Batch::size) return Batch::load_unaligned(src);
  alignas(64) float buffer[Batch::size];
  std::fill(std::begin(buffer), std::end(buffer), fill);
  std::copy(src, src + count, buffer);
  return Batch::load_aligned(buffer);
}

template <class Arch>
void store_partial(float* dst, xsimd::batch<float, Arch> value, std::size_t count) {
  using Batch = xsimd::batch<float, Arch>;
  if (count == Batch::size) {
    value.store_unaligned(dst);
    return;
  }
  alignas(64) float buffer[Batch::size];
  value.store_aligned(buffer);
  std::copy(buffer, buffer + count, dst);
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
  return *std::max_element(std::begin(lanes), std::end(lanes));
}

}  // namespace
}  // namespace smp::kernels
