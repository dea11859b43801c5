#include <catch2/catch.hpp>

#include "report/measure/cpuinfo.hpp"

using smp::report::parse_cpuinfo;

struct CpuinfoCase {
  const char* kernel;
  const char* text;
  const char* model;
  const char* signature;
  int mhz;
};

TEST_CASE("cpuinfo: each kernel's fields give the name, signature and clock", "[report][cpuinfo]") {
  const CpuinfoCase c = GENERATE(
      // x86-64: model name, family/model/stepping and cpu MHz; CPU 0's block comes first.
      CpuinfoCase{"x86-64",
                  "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel\t\t: 2\nmodel name\t: AMD EPYC\n"
                  "stepping\t: 1\ncpu MHz\t\t: 2595.944\n\nprocessor\t: 1\nmodel name\t: Other CPU\n",
                  "AMD EPYC", "family 26 model 2 stepping 1", 2596},
      // arm64: no name and no clock, only the MIDR fields, which name a known core.
      CpuinfoCase{"arm64",
                  "processor\t: 0\nBogoMIPS\t: 243.75\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32\n"
                  "CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x3\nCPU part\t: 0xd0c\nCPU revision\t: 1\n",
                  "Arm Neoverse-N1", "implementer 0x41 part 0xd0c variant 0x3 revision 1", 0});
  INFO(c.kernel);
  const auto cpu = parse_cpuinfo(c.text);
  CHECK(cpu.model == c.model);
  CHECK(cpu.signature == c.signature);
  CHECK(cpu.mhz == c.mhz);
}

TEST_CASE("cpuinfo: an unknown arm64 core is named by its vendor and part", "[report][cpuinfo]") {
  CHECK(parse_cpuinfo("CPU implementer\t: 0x61\nCPU variant\t: 0x0\nCPU part\t: 0x039\nCPU revision\t: 0\n").model ==
        "Apple core, part 0x039");
  CHECK(parse_cpuinfo("CPU implementer\t: 0x99\nCPU variant\t: 0x0\nCPU part\t: 0x001\nCPU revision\t: 0\n").model ==
        "implementer 0x99 core, part 0x001");
}

TEST_CASE("cpuinfo: nothing readable gives an unknown model and no signature", "[report][cpuinfo]") {
  for (const char* text : {"", "garbage without colons\n", "model name\t:\ncpu MHz\t: fast\n"}) {
    const auto cpu = parse_cpuinfo(text);
    CHECK(cpu.model == "unknown");
    CHECK(cpu.signature.empty());
    CHECK(cpu.mhz == 0);
  }
}
