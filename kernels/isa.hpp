#pragma once
// Which SIMD path the kernels run. The paths are the platform's
// (kernels/arch/<platform>/isas.hpp: avx512 → avx2+fma → sse4.2 on x86-64,
// neon on aarch64). The best the CPU supports is chosen at the first call;
// SMALLMIND_ISA in the environment or force_isa() (the CLI's --isa) selects a
// lower path, so every path the CPU can run is testable on one machine.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#if defined(__x86_64__)
#include "kernels/arch/x86/isas.hpp"
#elif defined(__aarch64__)
#include "kernels/arch/arm/isas.hpp"
#else
#error "smallmind-prof has kernel paths for x86-64 and aarch64 only"
#endif

namespace smp::kernels {

// Widest first: the order the selection tries them in.
inline constexpr auto kIsasWidestFirst = [] {
  std::array<Isa, std::size(kIsaSpellings)> isas{};
  for (std::size_t i = 0; i < isas.size(); ++i) isas[i] = kIsaSpellings[i].isa;
  return isas;
}();
// The narrowest path: the one every CPU this binary runs on supports.
inline constexpr Isa kBaselineIsa = kIsasWidestFirst.back();

Isa active_isa();
Isa best_supported_isa();
std::string_view isa_name(Isa isa);
// A path's name or --isa choice ("avx2+fma" or "avx2"); "auto" is the caller's.
std::optional<Isa> parse_isa(std::string_view text);
// The --isa choices of this platform's paths, as "avx512, avx2 or sse4.2".
std::string isa_choices_text();
bool isa_supported(Isa isa);
// Throws std::invalid_argument when the CPU lacks the requested ISA.
void force_isa(Isa isa);

}  // namespace smp::kernels
