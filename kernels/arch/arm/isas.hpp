#pragma once
// aarch64's kernel path (kernels/isa.hpp): Advanced SIMD (NEON), which every
// AArch64 CPU has. SVE is not used: xsimd 8.1 has no SVE arch.
#include <string_view>

namespace smp::kernels {

enum class Isa { neon };

struct IsaSpelling {
  Isa isa;
  std::string_view name;      // in reports, --version and SMALLMIND_ISA
  std::string_view cli_name;  // --isa's choice; also accepted by SMALLMIND_ISA
};

inline constexpr IsaSpelling kIsaSpellings[] = {{Isa::neon, "neon", "neon"}};

}  // namespace smp::kernels
