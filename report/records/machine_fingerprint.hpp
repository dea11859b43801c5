#pragma once
// What makes two runs' timings comparable: the machine facts and the setting
// the gate checks before it compares any time. One baseline is kept per
// fingerprint. The tool version is not part of it: a baseline from an older
// version still compares, with the gate's warning.
#include <compare>
#include <string>
#include <vector>

#include "report/records/comparison_record.hpp"
#include "report/records/records.hpp"

namespace smp::report {

struct MachineFingerprint {
  std::string cpu_model;
  std::string cpu_signature;  // family, model, stepping: hosts a VM names alike differ here; empty when unknown
  std::string isa;  // kernel path in use
  int threads = 1;
  std::string build_type;

  auto operator<=>(const MachineFingerprint&) const = default;
};

MachineFingerprint fingerprint_of(const RunContext& context);

// Each field in which the two differ, named for people ("CPU model") and
// with both values, in the order reports list them; empty when they are equal.
std::vector<EnvironmentDifference> fingerprint_differences(const MachineFingerprint& previous,
                                                           const MachineFingerprint& current);

// A folder name for the fingerprint, lower-case letters, digits and '-', e.g.
// "amd-epyc-avx2-fma-1t-release".
std::string fingerprint_slug(const MachineFingerprint& fingerprint);

// For messages: "AMD EPYC, avx2+fma, 1 thread, Release".
std::string describe_fingerprint(const MachineFingerprint& fingerprint);

}  // namespace smp::report
