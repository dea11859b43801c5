#pragma once
// Vectorised exp for float batches. Range reduction x = n·ln2 + r with a
// two-constant (Cody–Waite) ln2 so r keeps full precision, |r| ≤ ln2/2, then a
// degree-6 polynomial (Chebyshev fit on that interval) whose truncation error
// (≤ 2e-9 relative) is far below float rounding, scaled by 2^n. Measured max
// relative error against double exp over [-87, 88]: 1.0e-7 (about 1 ulp);
// tests/kernels pin it at 1.5e-7. exp_batch: inputs below ln(FLT_MIN) give 0
// (no denormals, which stall some cores), above ln(FLT_MAX) +inf, NaN NaN.
#include <cstdint>

#include <xsimd/xsimd.hpp>

#include "kernels/arch/isa_extras.hpp"

// Anonymous namespace: ISA code must not leak across translation units (arch_kernels.hpp).
namespace smp::kernels {
namespace {

constexpr float kExpLowest = -87.33654f;  // ln(FLT_MIN)
constexpr float kExpHighest = 88.72283f;  // ln(FLT_MAX)
constexpr float kLog2e = 1.44269504088896341f;

// p·2^n for integral n in [-126, 128] and p in [0.7, 1.42].
template <class Arch>
xsimd::batch<float, Arch> times_power_of_two(xsimd::batch<float, Arch> p, xsimd::batch<float, Arch> n) {
  using Batch = xsimd::batch<float, Arch>;
  if constexpr (IsaExtras<Arch>::scale_by_exponent) {
    return IsaExtras<Arch>::times_power_of_two(p, n);
  } else {
    // 2^n built in the exponent field. n can reach 128 at the top of the
    // range, so scale in two halves to stay representable.
    using IntBatch = xsimd::batch<std::int32_t, Arch>;
    const IntBatch n_int = xsimd::to_int(n);
    const IntBatch half = n_int >> 1;
    const Batch scale_a = xsimd::bitwise_cast<Batch>((half + IntBatch(127)) << 23);
    const Batch scale_b = xsimd::bitwise_cast<Batch>((n_int - half + IntBatch(127)) << 23);
    return p * scale_a * scale_b;
  }
}

// exp(x) for x already within [kExpLowest, kExpHighest]: no range handling,
// for callers whose arguments are bounded by construction.
template <class Arch>
xsimd::batch<float, Arch> exp_in_range(xsimd::batch<float, Arch> x) {
  using Batch = xsimd::batch<float, Arch>;
  const Batch n = xsimd::nearbyint(x * Batch(kLog2e));
  Batch r = xsimd::fnma(n, Batch(0.693359375f), x);  // ln2 high part: exact product
  r = xsimd::fnma(n, Batch(-2.12194440e-4f), r);     // ln2 low part

  Batch p(1.3941119e-3f);
  p = xsimd::fma(p, r, Batch(8.3751343e-3f));
  p = xsimd::fma(p, r, Batch(4.1666351e-2f));
  p = xsimd::fma(p, r, Batch(1.6666415e-1f));
  p = xsimd::fma(p, r, Batch(0.5f));
  p = xsimd::fma(p, r, Batch(1.0f));
  p = xsimd::fma(p, r, Batch(1.0f));
  return times_power_of_two<Arch>(p, n);
}

// 2^u for u within [-126, 128]: u = n + f with f = u − n exact, so there is no
// range-reduction error beyond u's own rounding, and one multiply fewer than
// exp; a degree-6 Chebyshev fit of 2^f on |f| ≤ 1/2 (≤ 2e-9 relative).
template <class Arch>
xsimd::batch<float, Arch> exp2_in_range(xsimd::batch<float, Arch> u) {
  using Batch = xsimd::batch<float, Arch>;
  const Batch n = xsimd::nearbyint(u);
  const Batch f = u - n;
  Batch p(1.5461456e-4f);
  p = xsimd::fma(p, f, Batch(1.3400442e-3f));
  p = xsimd::fma(p, f, Batch(9.6180569e-3f));
  p = xsimd::fma(p, f, Batch(5.5503272e-2f));
  p = xsimd::fma(p, f, Batch(2.4022651e-1f));
  p = xsimd::fma(p, f, Batch(6.9314718e-1f));
  p = xsimd::fma(p, f, Batch(1.0f));
  return times_power_of_two<Arch>(p, n);
}

// exp(x) for x ≤ ln(FLT_MAX), e.g. differences from a row's maximum; below
// ln(FLT_MIN), and for -inf, 0. The constant is max's first operand so a NaN
// x passes through (x86 max returns its second operand when one is NaN; NEON's
// returns the NaN either way).
template <class Arch>
xsimd::batch<float, Arch> exp_without_overflow(xsimd::batch<float, Arch> x) {
  using Batch = xsimd::batch<float, Arch>;
  const auto underflow = x < Batch(kExpLowest);
  return xsimd::select(underflow, Batch(0.0f), exp_in_range<Arch>(xsimd::max(Batch(kExpLowest), x)));
}

template <class Arch>
xsimd::batch<float, Arch> exp_batch(xsimd::batch<float, Arch> x) {
  using Batch = xsimd::batch<float, Arch>;
  const auto overflow = x > Batch(kExpHighest);
  return xsimd::select(overflow, Batch(INFINITY), exp_without_overflow<Arch>(xsimd::min(Batch(kExpHighest), x)));
}

}  // namespace
}  // namespace smp::kernels
