#pragma once
// What /proc/cpuinfo says of CPU 0: its name, the fields that tell one host
// CPU from another behind a VM's shared name, and its clock. x86-64 kernels
// print a model name with family, model and stepping; arm64 kernels print no
// name, only the fields of the CPU's MIDR register (implementer, part,
// variant, revision), from which the name of a known core is looked up.
#include <string>
#include <string_view>

namespace smp::report {

struct CpuIdentity {
  std::string model;      // "AMD EPYC", "Arm Neoverse-N1"; "unknown" when nothing says
  std::string signature;  // "family 25 model 17 stepping 0", "implementer 0x41 part 0xd0c variant 0x3 revision 1"; or empty
  int mhz = 0;            // 0 when not printed (arm64 kernels never print it)
};

CpuIdentity parse_cpuinfo(std::string_view text);

}  // namespace smp::report
