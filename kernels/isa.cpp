#include "kernels/isa.hpp"

#include <atomic>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace smp::kernels {
namespace {

Isa initial_isa() {
  const char* requested = std::getenv("SMALLMIND_ISA");
  if (requested == nullptr || *requested == '\0') return best_supported_isa();
  const std::optional<Isa> parsed = parse_isa(requested);
  if (!parsed || !isa_supported(*parsed)) {
    throw std::invalid_argument(std::string("SMALLMIND_ISA=") + requested +
                                " is not a supported ISA on this CPU (use avx512, avx2 or sse4.2)");
  }
  return *parsed;
}

std::atomic<int>& selected() {
  static std::atomic<int> isa{static_cast<int>(initial_isa())};
  return isa;
}

}  // namespace

Isa best_supported_isa() {
  for (Isa isa : kIsasWidestFirst) {
    if (isa_supported(isa)) return isa;
  }
  return Isa::sse4_2;
}

Isa active_isa() { return static_cast<Isa>(selected().load(std::memory_order_relaxed)); }

std::string_view isa_name(Isa isa) {
  switch (isa) {
    case Isa::avx512: return "avx512";
    case Isa::avx2_fma: return "avx2+fma";
    case Isa::sse4_2: return "sse4.2";
  }
  return "unknown";
}

std::optional<Isa> parse_isa(std::string_view text) {
  if (text == "avx512") return Isa::avx512;
  if (text == "avx2" || text == "avx2+fma") return Isa::avx2_fma;
  if (text == "sse4.2" || text == "sse42") return Isa::sse4_2;
  return std::nullopt;
}

void force_isa(Isa isa) {
  if (!isa_supported(isa)) {
    throw std::invalid_argument("this CPU does not support " + std::string(isa_name(isa)));
  }
  selected().store(static_cast<int>(isa), std::memory_order_relaxed);
}

}  // namespace smp::kernels
