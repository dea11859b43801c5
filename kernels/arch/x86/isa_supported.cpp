// Which of the x86-64 paths this CPU (and its OS) can run.
#include <xsimd/xsimd.hpp>

#include "kernels/isa.hpp"

namespace smp::kernels {

bool isa_supported(Isa isa) {
  const auto available = xsimd::available_architectures();
  switch (isa) {
    // The avx512 path is built for xsimd's avx512bw, which also uses the F, CD and DQ
    // instructions. GCC's check also asks the OS (XCR0) whether it saves zmm state,
    // which xsimd 8.1's CPUID probe does not.
    case Isa::avx512:
      return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512cd") &&
             __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512bw");
    case Isa::avx2_fma: return available.avx2 && available.fma3_avx2;
    case Isa::sse4_2: return available.sse4_2;
  }
  return false;
}

}  // namespace smp::kernels
