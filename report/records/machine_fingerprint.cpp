#include "report/records/machine_fingerprint.hpp"

#include <string_view>

namespace smp::report {

MachineFingerprint fingerprint_of(const RunContext& context) {
  return {context.machine.cpu_model, context.machine.isa, context.settings.threads, context.machine.build_type};
}

namespace {

// "Intel(R) Xeon(R)" names a folder as "intel-xeon", not "intel-r-xeon-r".
std::string without_trademark_marks(std::string text) {
  for (const std::string_view mark : {"(R)", "(r)", "(TM)", "(tm)"}) {
    for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark, at)) text.erase(at, mark.size());
  }
  return text;
}

}  // namespace

std::string fingerprint_slug(const MachineFingerprint& fingerprint) {
  const std::string words = without_trademark_marks(fingerprint.cpu_model) + " " + fingerprint.isa + " " +
                            std::to_string(fingerprint.threads) + "t " + fingerprint.build_type;
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

std::string describe_fingerprint(const MachineFingerprint& fingerprint) {
  return fingerprint.cpu_model + ", " + fingerprint.isa + ", " + std::to_string(fingerprint.threads) +
         (fingerprint.threads == 1 ? " thread, " : " threads, ") + fingerprint.build_type;
}

}  // namespace smp::report
