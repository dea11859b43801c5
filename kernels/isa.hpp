#pragma once
// Which SIMD path the kernels run. The best the CPU supports is chosen at the
// first call; SMALLMIND_ISA=sse4.2 in the environment or force_isa() (the
// CLI's --isa) selects the lower path, so both are testable on one machine.
#include <optional>
#include <string_view>

namespace smp::kernels {

enum class Isa { sse4_2, avx2_fma };

Isa active_isa();
std::string_view isa_name(Isa isa);
std::optional<Isa> parse_isa(std::string_view text);  // "avx2" | "sse4.2" | "auto" handled by caller
bool isa_supported(Isa isa);
// Throws std::invalid_argument when the CPU lacks the requested ISA.
void force_isa(Isa isa);

}  // namespace smp::kernels
