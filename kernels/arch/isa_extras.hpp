#pragma once
// Instructions of a path that xsimd 8.1 does not wrap (or wraps wrongly),
// behind one name the kernels can use on every platform: IsaExtras<Arch> says which
// a path has, and a path's own specialisation provides them. Only the AVX-512
// translation unit sees one (arch/x86/avx512_extras.hpp); every other path
// uses the portable forms.
#include <xsimd/xsimd.hpp>

// Anonymous namespace: ISA code must not leak across translation units (arch_kernels.hpp).
namespace smp::kernels {
namespace {

template <class Arch>
struct IsaExtras {
  static constexpr bool masked_tails = false;       // load_partial / store_partial of a partial batch
  static constexpr bool scale_by_exponent = false;  // times_power_of_two(p, n) = p·2^n in one instruction

  // Lane i of the result is the sum of the lanes of rows[i], for size rows.
  static xsimd::batch<float, Arch> sum_each(const xsimd::batch<float, Arch>* rows) { return xsimd::haddp(rows); }
};

}  // namespace
}  // namespace smp::kernels

#if defined(__AVX512F__)
#include "kernels/arch/x86/avx512_extras.hpp"
#endif
