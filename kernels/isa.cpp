#include "kernels/isa.hpp"

#include <atomic>
#include <cstdlib>
#include <stdexcept>

namespace smp::kernels {
namespace {

Isa initial_isa() {
  const char* requested = std::getenv("SMALLMIND_ISA");
  if (requested == nullptr || *requested == '\0') return best_supported_isa();
  const std::optional<Isa> parsed = parse_isa(requested);
  if (!parsed || !isa_supported(*parsed)) {
    throw std::invalid_argument(std::string("SMALLMIND_ISA=") + requested +
                                " is not a supported ISA on this CPU (use " + isa_choices_text() + ")");
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
  return kBaselineIsa;
}

Isa active_isa() { return static_cast<Isa>(selected().load(std::memory_order_relaxed)); }

std::string_view isa_name(Isa isa) {
  for (const IsaSpelling& spelling : kIsaSpellings) {
    if (spelling.isa == isa) return spelling.name;
  }
  return "unknown";
}

std::optional<Isa> parse_isa(std::string_view text) {
  for (const IsaSpelling& spelling : kIsaSpellings) {
    if (text == spelling.name || text == spelling.cli_name) return spelling.isa;
  }
  return std::nullopt;
}

std::string isa_choices_text() {
  std::string text;
  for (std::size_t i = 0; i < std::size(kIsaSpellings); ++i) {
    if (i > 0) text += i + 1 == std::size(kIsaSpellings) ? " or " : ", ";
    text += kIsaSpellings[i].cli_name;
  }
  return text;
}

void force_isa(Isa isa) {
  if (!isa_supported(isa)) {
    throw std::invalid_argument("this CPU does not support " + std::string(isa_name(isa)));
  }
  selected().store(static_cast<int>(isa), std::memory_order_relaxed);
}

}  // namespace smp::kernels
