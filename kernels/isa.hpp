#pragma once
// Which SIMD path the kernels run. The best the CPU supports is chosen at the
// first call (avx512 → avx2+fma → sse4.2); SMALLMIND_ISA in the environment or
// force_isa() (the CLI's --isa) selects a lower path, so every path the CPU
// can run is testable on one machine.
#include <optional>
#include <string_view>

namespace smp::kernels {

enum class Isa { sse4_2, avx2_fma, avx512 };

// Widest first: the order the selection tries them in.
inline constexpr Isa kIsasWidestFirst[] = {Isa::avx512, Isa::avx2_fma, Isa::sse4_2};

Isa active_isa();
Isa best_supported_isa();
std::string_view isa_name(Isa isa);
std::optional<Isa> parse_isa(std::string_view text);  // "avx512" | "avx2" | "sse4.2"; "auto" handled by caller
bool isa_supported(Isa isa);
// Throws std::invalid_argument when the CPU lacks the requested ISA.
void force_isa(Isa isa);

}  // namespace smp::kernels
