#pragma once
// The AVX-512 path's extras (kernels/arch/isa_extras.hpp): masked loads and
// stores, so a tail runs the body's arithmetic without a bounce buffer;
// vscalefps, one instruction in place of the exponent arithmetic; and a
// sum_each in place of xsimd 8.1's haddp, which on avx512f returns the sums
// out of order (lanes 2-3 and 4-5 of each half swapped).
#include <cstddef>

#include "kernels/arch/archs.hpp"
#include "kernels/arch/isa_extras.hpp"
#include "kernels/arch/x86/avx512_intrinsics.hpp"

namespace smp::kernels {
namespace {

template <>
struct IsaExtras<Avx512> {
  using Batch = xsimd::batch<float, Avx512>;
  static constexpr bool masked_tails = true;
  static constexpr bool scale_by_exponent = true;

  // count < Batch::size; the lanes past it are `fill`.
  static Batch load_partial(const float* src, std::size_t count, float fill) {
    return _mm512_mask_loadu_ps(Batch(fill), lanes(count), src);
  }
  static void store_partial(float* dst, Batch value, std::size_t count) {
    _mm512_mask_storeu_ps(dst, lanes(count), value);
  }
  static Batch times_power_of_two(Batch p, Batch n) { return _mm512_scalef_ps(p, n); }

  // Each row folded to 256 bits, then AVX's haddp on two groups of eight.
  static Batch sum_each(const Batch* rows) {
    using Half = xsimd::batch<float, Avx2Fma>;
    Half folded[2 * Half::size];
    for (std::size_t i = 0; i < Batch::size; ++i) {
      folded[i] = _mm256_add_ps(_mm512_castps512_ps256(rows[i]), _mm512_extractf32x8_ps(rows[i], 1));
    }
    const Half low = xsimd::haddp(folded);
    const Half high = xsimd::haddp(folded + Half::size);
    return _mm512_insertf32x8(_mm512_castps256_ps512(low), high, 1);
  }

 private:
  static __mmask16 lanes(std::size_t count) { return static_cast<__mmask16>((1u << count) - 1u); }
};

}  // namespace
}  // namespace smp::kernels
