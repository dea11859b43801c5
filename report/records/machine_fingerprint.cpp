#include "report/records/machine_fingerprint.hpp"

#include <array>
#include <string_view>
#include <utility>

namespace smp::report {

MachineFingerprint fingerprint_of(const RunContext& context) {
  return {context.machine.cpu_model, context.machine.cpu_signature, context.machine.isa, context.settings.threads,
          context.machine.build_type};
}

namespace {

struct FingerprintField {
  std::string_view label;
  std::string (*text)(const MachineFingerprint&);
};

// Every field of MachineFingerprint, in the order reports list differences.
constexpr std::array<FingerprintField, 5> kFingerprintFields{{
    {"CPU model", [](const MachineFingerprint& f) { return f.cpu_model; }},
    {"CPU signature", [](const MachineFingerprint& f) { return f.cpu_signature.empty() ? std::string("unknown") : f.cpu_signature; }},
    {"kernel ISA path", [](const MachineFingerprint& f) { return f.isa; }},
    {"build type", [](const MachineFingerprint& f) { return f.build_type; }},
    {"threads", [](const MachineFingerprint& f) { return std::to_string(f.threads); }},
}};

// "Intel(R) Xeon(R)" names a folder as "intel-xeon", not "intel-r-xeon-r".
std::string without_trademark_marks(std::string text) {
  for (const std::string_view mark : {"(R)", "(r)", "(TM)", "(tm)"}) {
    for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at)) text.erase(at, mark.size());
  }
  return text;
}

}  // namespace

std::string fingerprint_slug(const MachineFingerprint& fingerprint) {
  const std::string words = without_trademark_marks(fingerprint.cpu_model) + " " + fingerprint.cpu_signature + " " +
                            fingerprint.isa + " " + std::to_string(fingerprint.threads) + "t " + fingerprint.build_type;
  std::string slug;
  for (const char c : words) {
    const bool kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool upper = c >= 'A' && c <= 'Z';
    if (kept || upper) {
      slug += upper ? static_cast<char>(c - 'A' + 'a') : c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  if (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::vector<EnvironmentDifference> fingerprint_differences(const MachineFingerprint& previous,
                                                           const MachineFingerprint& current) {
  std::vector<EnvironmentDifference> differences;
  for (const FingerprintField& field : kFingerprintFields) {
    std::string before = field.text(previous);
    std::string after = field.text(current);
    if (before != after) differences.push_back({std::string(field.label), std::move(before), std::move(after)});
  }
  return differences;
}

std::string describe_fingerprint(const MachineFingerprint& fingerprint) {
  const std::string signature = fingerprint.cpu_signature.empty() ? "" : " (" + fingerprint.cpu_signature + ")";
  return fingerprint.cpu_model + signature + ", " + fingerprint.isa + ", " + std::to_string(fingerprint.threads) +
         (fingerprint.threads == 1 ? " thread, " : " threads, ") + fingerprint.build_type;
}

}  // namespace smp::report
