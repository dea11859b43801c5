// The machine fingerprint that keys per-machine baselines, and the baselines
// index read back as written or refused with one line naming the file.
#include <string>

#include <catch2/catch.hpp>

#include "report/analysis/compare.hpp"
#include "report/common/errors.hpp"
#include "report/formats/baseline_index.hpp"
#include "report/records/machine_fingerprint.hpp"
#include "tests/run/run_test_support.hpp"

using namespace smp;

namespace {

report::RunContext context_on(std::string cpu, std::string isa, int threads, std::string build_type) {
  report::RunContext context = test::peak_environment(100.0, 20.0);
  context.machine.cpu_model = std::move(cpu);
  context.machine.isa = std::move(isa);
  context.machine.build_type = std::move(build_type);
  context.machine.tool_version = "0.1.0";
  context.machine.host = "vm";
  context.settings.threads = threads;
  return context;
}

report::MachineFingerprint epyc() { return {"AMD EPYC", "", "avx2+fma", 1, "Release"}; }

std::string index_text(const std::string& entries) {
  return R"({"schema_version": 1, "kind": "smallmind-prof baseline index", "entries": [)" + entries + "]}";
}

std::string entry_json(const std::string& threads = "1", const std::string& folder = "a") {
  return R"({"cpu_model": "AMD EPYC", "isa": "avx2+fma", "build_type": "Release", "threads": )" + threads +
         R"(, "folder": ")" + folder + "\"}";
}

std::string refusal(std::string_view text) {
  try {
    report::baseline_index_from_json(text, "baselines/index.json");
  } catch (const InputError& error) {
    return error.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("a fingerprint is the CPU model, ISA path, threads and build type; host and version are not in it") {
  report::RunContext context = context_on("AMD EPYC", "avx2+fma", 1, "Release");
  CHECK(report::fingerprint_of(context) == epyc());
  context.machine.host = "another-host";
  context.machine.tool_version = "9.9.9";
  context.settings.seed = 7;
  CHECK(report::fingerprint_of(context) == epyc());
  CHECK(report::fingerprint_slug(epyc()) == "amd-epyc-avx2-fma-1t-release");
  CHECK(report::fingerprint_slug({"Intel(R) Xeon(R) CPU @ 2.80GHz", "", "avx512", 2, "Release"}) ==
        "intel-xeon-cpu-2-80ghz-avx512-2t-release");
  CHECK(report::describe_fingerprint(epyc()) == "AMD EPYC, avx2+fma, 1 thread, Release");
}

TEST_CASE("hosts a VM names alike are told apart by the CPU signature") {
  report::RunContext context = context_on("Intel(R) Xeon(R) Processor", "avx512", 1, "Release");
  context.machine.cpu_signature = "family 6 model 207 stepping 2";
  const report::MachineFingerprint emerald = report::fingerprint_of(context);
  CHECK(emerald.cpu_signature == "family 6 model 207 stepping 2");
  CHECK(report::fingerprint_slug(emerald) == "intel-xeon-processor-family-6-model-207-stepping-2-avx512-1t-release");
  CHECK(report::describe_fingerprint(emerald) ==
        "Intel(R) Xeon(R) Processor (family 6 model 207 stepping 2), avx512, 1 thread, Release");
  report::MachineFingerprint other_host = emerald;
  other_host.cpu_signature = "family 6 model 167 stepping 1";
  const auto differences = report::fingerprint_differences(emerald, other_host);
  REQUIRE(differences.size() == 1);
  CHECK(differences[0].field == "CPU signature");
  // A fingerprint recorded without one cannot show it is the same host.
  report::MachineFingerprint unrecorded = emerald;
  unrecorded.cpu_signature.clear();
  REQUIRE(report::fingerprint_differences(unrecorded, emerald).size() == 1);
  CHECK(report::fingerprint_differences(unrecorded, emerald)[0].previous == "unknown");

  // The index keeps the signature, and reads an entry written without one as unknown.
  report::BaselineIndex index;
  index.entries = {{emerald, report::fingerprint_slug(emerald)}, {unrecorded, "older-entry"}};
  const std::string text = report::baseline_index_to_json(index);
  const report::BaselineIndex back = report::baseline_index_from_json(text, "index.json");
  REQUIRE(back.entries.size() == 2);
  CHECK(back.entries[0].fingerprint == emerald);
  CHECK(back.entries[1].fingerprint.cpu_signature.empty());
  CHECK(report::find_entry(back, emerald)->folder == report::fingerprint_slug(emerald));
  CHECK(report::find_entry(back, unrecorded)->folder == "older-entry");
}

TEST_CASE("the gate compares timings exactly when the two fingerprints are equal") {
  const auto gate_method = [](const report::RunContext& before, const report::RunContext& after) {
    const auto scopes = [] { return std::vector{test::sampled_scope("Forward", {1, 1.1, 0.9, 1, 1.05, 0.95})}; };
    return report::compare_profiles(test::sampled_profile(scopes(), before), test::sampled_profile(scopes(), after),
                                    {})
        .gate.method;
  };
  const report::RunContext base = context_on("AMD EPYC", "avx2+fma", 1, "Release");
  report::RunContext other_version = base;
  other_version.machine.tool_version = "0.2.0";
  other_version.machine.host = "elsewhere";
  CHECK(gate_method(base, other_version) != report::GateMethod::not_comparable);
  for (const report::RunContext& other :
       {context_on("Intel Xeon", "avx2+fma", 1, "Release"), context_on("AMD EPYC", "avx512", 1, "Release"),
        context_on("AMD EPYC", "avx2+fma", 2, "Release"), context_on("AMD EPYC", "avx2+fma", 1, "Debug")}) {
    CHECK_FALSE(report::fingerprint_of(other) == report::fingerprint_of(base));
    CHECK(gate_method(base, other) == report::GateMethod::not_comparable);
  }
}

TEST_CASE("two fingerprints' differences name each differing field with both values") {
  CHECK(report::fingerprint_differences(epyc(), epyc()).empty());
  const auto differences = report::fingerprint_differences(epyc(), {"Intel Xeon", "", "avx2+fma", 4, "Debug"});
  REQUIRE(differences.size() == 3);
  CHECK(differences[0].field == "CPU model");
  CHECK(differences[0].previous == "AMD EPYC");
  CHECK(differences[0].current == "Intel Xeon");
  CHECK(differences[1].field == "build type");
  CHECK(differences[1].previous == "Release");
  CHECK(differences[1].current == "Debug");
  CHECK(differences[2].field == "threads");
  CHECK(differences[2].previous == "1");
  CHECK(differences[2].current == "4");
  const auto isa = report::fingerprint_differences(epyc(), {"AMD EPYC", "", "avx512", 1, "Release"});
  REQUIRE(isa.size() == 1);
  CHECK(isa[0].field == "kernel ISA path");
}

TEST_CASE("the baselines index reads back what it writes") {
  report::BaselineIndex index;
  index.entries = {{epyc(), "amd-epyc-avx2-fma-1t-release"},
                   {{"Intel Xeon", "", "avx512", 2, "Release"}, "intel-xeon-avx512-2t-release"}};
  const std::string text = report::baseline_index_to_json(index);
  const report::BaselineIndex back = report::baseline_index_from_json(text, "index.json");
  REQUIRE(back.entries.size() == 2);
  CHECK(back.entries[0].fingerprint == epyc());
  CHECK(back.entries[1].folder == "intel-xeon-avx512-2t-release");
  CHECK(report::baseline_index_to_json(back) == text);
  REQUIRE(report::find_entry(back, {"Intel Xeon", "", "avx512", 2, "Release"}));
  CHECK(report::find_entry(back, {"Intel Xeon", "", "avx512", 2, "Release"})->folder == "intel-xeon-avx512-2t-release");
  CHECK_FALSE(report::find_entry(back, {"Intel Xeon", "", "avx512", 1, "Release"}));
}

TEST_CASE("a malformed or inconsistent baselines index is refused naming the file and the problem") {
  CHECK_THAT(refusal("{\"schema_version\": 1,"), Catch::StartsWith("baselines/index.json: "));
  CHECK_THAT(refusal(R"({"schema_version": 2, "kind": "smallmind-prof baseline index", "entries": []})"),
             Catch::Contains("$.schema_version is not 1"));
  CHECK_THAT(refusal(R"({"schema_version": 1, "kind": "a profile", "entries": []})"), Catch::Contains("$.kind"));
  CHECK_THAT(refusal(R"({"schema_version": 1, "kind": "smallmind-prof baseline index"})"),
             Catch::Contains("$.entries is missing"));
  CHECK_THAT(refusal(index_text(entry_json("0"))), Catch::Contains("$.entries[0].threads"));
  CHECK_THAT(refusal(index_text(R"({"isa": "avx2+fma", "threads": 1, "build_type": "Release", "folder": "a"})")),
             Catch::Contains("$.entries[0].cpu_model is missing"));
  CHECK_THAT(refusal(index_text(entry_json("1", "../up"))), Catch::Contains("is not one plain folder name"));
  CHECK_THAT(refusal(index_text(entry_json() + "," + entry_json("1", "b"))),
             Catch::Contains("$.entries[1] repeats the fingerprint"));
  CHECK_THAT(refusal(index_text(entry_json() + "," + entry_json("2"))), Catch::Contains("repeats the folder `a`"));
  CHECK(refusal(index_text(entry_json())) == "accepted");
}
