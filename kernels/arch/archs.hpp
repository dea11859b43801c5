#pragma once
// The xsimd architecture behind each kernel path, and the one dispatch helper:
// on_isa(isa, call) calls call(Arch{}) with the tag of that path. Code seen
// here only names per-arch entry points; their bodies are compiled in the
// arch/x86/*.cpp files with their own -m flags.
#include <type_traits>

#include <xsimd/xsimd.hpp>

#include "kernels/isa.hpp"

namespace smp::kernels {

using Avx512 = xsimd::avx512bw;
using Avx2Fma = xsimd::fma3<xsimd::avx2>;
using Sse42 = xsimd::sse4_2;

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
