#pragma once
// aarch64's kernel path as an xsimd architecture (kernels/arch/archs.hpp).
#include <xsimd/xsimd.hpp>

#include "kernels/isa.hpp"

namespace smp::kernels {

using Neon = xsimd::neon64;

// Every path's arch, for the explicit instantiations of per-arch templates.
#define SMP_FOR_EACH_KERNEL_ARCH(X) X(Neon)

// SIMD registers the path has: AArch64's 32 128-bit v registers.
template <class Arch>
inline constexpr int kVectorRegisters = 32;

// Code that works in 8-lane blocks above SSE width uses a path's half-zmm
// arch; NEON's 4-lane registers are their own.
template <class Arch>
using HalfZmmArch = Arch;

template <class Call>
decltype(auto) on_isa(Isa, Call&& call) {
  return call(Neon{});
}

}  // namespace smp::kernels
