#include <catch2/catch.hpp>

#include "report/measure/cpuinfo.hpp"

using smp::report::parse_cpuinfo;

TEST_CASE("cpuinfo: an x86-64 kernel's fields give the model name, family/model/stepping and clock", "[report][cpuinfo]") {
  const auto cpu = parse_cpuinfo(
      "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel\t\t: 2\nmodel name\t: AMD EPYC\n"
      "stepping\t: 1\ncpu MHz\t\t: 2595.944\n\nprocessor\t: 1\nmodel name\t: Other CPU\n");
  CHECK(cpu.model == "AMD EPYC");
  CHECK(cpu.signature == "family 26 model 2 stepping 1");
  CHECK(cpu.mhz == 2596);
}

TEST_CASE("cpuinfo: an arm64 kernel's MIDR fields name a known core and sign it", "[report][cpuinfo]") {
  const auto cpu = parse_cpuinfo(
      "processor\t: 0\nBogoMIPS\t: 243.75\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics\n"
      "CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x3\nCPU part\t: 0xd0c\nCPU revision\t: 1\n");
  CHECK(cpu.model == "Arm Neoverse-N1");
  CHECK(cpu.signature == "implementer 0x41 part 0xd0c variant 0x3 revision 1");
  CHECK(cpu.mhz == 0);
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
