#pragma once
// x86-64's kernel paths (kernels/isa.hpp): AVX-512 (F, CD, DQ, BW), AVX2 with
// FMA, and SSE4.2, the x86-64 baseline this binary requires.
#include <string_view>

namespace smp::kernels {

enum class Isa { sse4_2, avx2_fma, avx512 };

struct IsaSpelling {
  Isa isa;
  std::string_view name;      // in reports, --version and SMALLMIND_ISA
  std::string_view cli_name;  // --isa's choice; also accepted by SMALLMIND_ISA
};

// Widest first: the order the selection tries them in.
inline constexpr IsaSpelling kIsaSpellings[] = {
    {Isa::avx512, "avx512", "avx512"}, {Isa::avx2_fma, "avx2+fma", "avx2"}, {Isa::sse4_2, "sse4.2", "sse4.2"}};

}  // namespace smp::kernels
