#pragma once
// The AVX-512 path's extras (kernels/arch/isa_extras.hpp): masked loads and
// stores, so a tail runs the body's arithmetic without a bounce buffer, and
// vscalefps, one instruction in place of the exponent arithmetic.
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

 private:
  static __mmask16 lanes(std::size_t count) { return static_cast<__mmask16>((1u << count) - 1u); }
};

}  // namespace
}  // namespace smp::kernels
