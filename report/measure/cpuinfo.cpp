#include "report/measure/cpuinfo.hpp"

#include <cstdlib>
#include <exception>

namespace smp::report {
namespace {

// The value of the first line whose key is `key` (CPU 0's block comes first);
// the whole key must match ("model" is not "model name").
std::string field(std::string_view text, std::string_view key) {
  while (!text.empty()) {
    const auto newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const auto key_end = line.find_last_not_of(" \t", colon == 0 ? 0 : colon - 1);
    if (key_end == std::string_view::npos || line.substr(0, key_end + 1) != key) continue;
    const auto value = line.find_first_not_of(' ', colon + 1);
    return value == std::string_view::npos ? std::string() : std::string(line.substr(value));
  }
  return {};
}

struct KnownCore {
  unsigned implementer;
  unsigned part;
  std::string_view name;
};

// Cores people run this on: Arm's own (laptops, boards, Graviton, Ampere
// Altra, Grace) and a few licensees'. Others are named by their MIDR fields.
constexpr KnownCore kKnownCores[] = {
    {0x41, 0xd03, "Arm Cortex-A53"},     {0x41, 0xd05, "Arm Cortex-A55"},     {0x41, 0xd07, "Arm Cortex-A57"},
    {0x41, 0xd08, "Arm Cortex-A72"},     {0x41, 0xd0b, "Arm Cortex-A76"},     {0x41, 0xd0c, "Arm Neoverse-N1"},
    {0x41, 0xd40, "Arm Neoverse-V1"},    {0x41, 0xd41, "Arm Cortex-A78"},     {0x41, 0xd44, "Arm Cortex-X1"},
    {0x41, 0xd46, "Arm Cortex-A510"},    {0x41, 0xd47, "Arm Cortex-A710"},    {0x41, 0xd49, "Arm Neoverse-N2"},
    {0x41, 0xd4f, "Arm Neoverse-V2"},    {0x41, 0xd80, "Arm Cortex-A520"},    {0x41, 0xd81, "Arm Cortex-A720"},
    {0x41, 0xd84, "Arm Neoverse-V3"},    {0x41, 0xd8e, "Arm Neoverse-N3"},    {0x48, 0xd01, "HiSilicon Kunpeng 920"},
    {0xc0, 0xac3, "Ampere AmpereOne"},
};

std::string_view implementer_name(unsigned implementer) {
  switch (implementer) {
    case 0x41: return "Arm";
    case 0x48: return "HiSilicon";
    case 0x4e: return "NVIDIA";
    case 0x51: return "Qualcomm";
    case 0x61: return "Apple";
    case 0xc0: return "Ampere";
  }
  return {};
}

unsigned parse_hex(const std::string& text) { return static_cast<unsigned>(std::strtoul(text.c_str(), nullptr, 16)); }

std::string arm_core_name(const std::string& implementer, const std::string& part) {
  const unsigned implementer_id = parse_hex(implementer);
  const unsigned part_id = parse_hex(part);
  for (const KnownCore& core : kKnownCores) {
    if (core.implementer == implementer_id && core.part == part_id) return std::string(core.name);
  }
  const std::string_view vendor = implementer_name(implementer_id);
  return (vendor.empty() ? "implementer " + implementer : std::string(vendor)) + " core, part " + part;
}

int mhz_of(const std::string& mhz) {
  try {
    return mhz.empty() ? 0 : static_cast<int>(std::stod(mhz) + 0.5);
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace

CpuIdentity parse_cpuinfo(std::string_view text) {
  CpuIdentity identity;
  identity.mhz = mhz_of(field(text, "cpu MHz"));
  const std::string family = field(text, "cpu family");
  const std::string model = field(text, "model");
  const std::string stepping = field(text, "stepping");
  if (!family.empty() && !model.empty() && !stepping.empty()) {
    identity.signature = "family " + family + " model " + model + " stepping " + stepping;
  }
  identity.model = field(text, "model name");
  const std::string implementer = field(text, "CPU implementer");
  const std::string part = field(text, "CPU part");
  if (!implementer.empty() && !part.empty()) {
    if (identity.model.empty()) identity.model = arm_core_name(implementer, part);
    identity.signature = "implementer " + implementer + " part " + part + " variant " + field(text, "CPU variant") +
                         " revision " + field(text, "CPU revision");
  }
  if (identity.model.empty()) identity.model = "unknown";
  return identity;
}

}  // namespace smp::report
