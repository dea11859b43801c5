#pragma once
// x86-64's kernel paths as xsimd architectures (kernels/arch/archs.hpp).
#include <type_traits>

#include <xsimd/xsimd.hpp>

#include "kernels/isa.hpp"

namespace smp::kernels {

using Avx512 = xsimd::avx512bw;
using Avx2Fma = xsimd::fma3<xsimd::avx2>;
using Sse42 = xsimd::sse4_2;

// Every path's arch, for the explicit instantiations of per-arch templates.
#define SMP_FOR_EACH_KERNEL_ARCH(X) X(Avx512) X(Avx2Fma) X(Sse42)

// SIMD registers the path has: 32 zmm with AVX-512, 16 below it.
template <class Arch>
inline constexpr int kVectorRegisters = std::is_same_v<Arch, Avx512> ? 32 : 16;

// The arch of an AVX-512 path's 256-bit halves (every AVX-512 CPU has AVX2
// and FMA); the other paths map to themselves. For code that works in
// 8-lane blocks on every path wider than SSE.
template <class Arch>
using HalfZmmArch = std::conditional_t<std::is_same_v<Arch, Avx512>, Avx2Fma, Arch>;

template <class Call>
decltype(auto) on_isa(Isa isa, Call&& call) {
  switch (isa) {
    case Isa::avx512: return call(Avx512{});
    case Isa::avx2_fma: return call(Avx2Fma{});
    case Isa::sse4_2: break;
  }
  return call(Sse42{});
}

}  // namespace smp::kernels
