// Per-machine baselines: an entry saved per fingerprint with its index, the
// lookup of this machine's entry (or another's, for allocations only), the
// refusals, and `run` choosing, warning about and saving entries end to end.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "app/jobs/results_job.hpp"
#include "app/outputs/baseline.hpp"
#include "app/outputs/baseline_save.hpp"
#include "report/common/errors.hpp"
#include "report/formats/alloc_json.hpp"
#include "report/formats/baseline_index.hpp"
#include "report/formats/profile_json.hpp"
#include "report/measure/environment.hpp"
#include "tests/report/report_test_support.hpp"
#include "tests/run/run_test_support.hpp"

using namespace smp;
namespace fs = std::filesystem;

namespace {

report::RunContext context_on(std::string cpu) {
  report::RunContext context = test::peak_environment(100.0, 20.0);
  context.machine.cpu_model = std::move(cpu);
  context.machine.isa = "avx2+fma";
  return context;
}

// What `run --save-baseline` records: the profile and allocation reports of one run.
fs::path save(const fs::path& directory, const report::RunContext& context) {
  const report::ProfileRecord profile =
      test::sampled_profile({test::sampled_scope("Forward", {1.0, 1.1, 0.9})}, context);
  return app::save_machine_baseline(
      directory, context,
      {{"enhanced-profile-report.json", "", report::profile_to_json(profile)},
       {"allocation-profile.json", "", report::alloc_to_json(test::alloc_record(1000, 2000))}});
}

report::BaselineIndex index_of(const fs::path& directory) {
  return report::baseline_index_from_json(test::read_file(directory / "index.json"), directory / "index.json");
}

std::string refusal(const fs::path& directory, const report::MachineFingerprint& machine) {
  try {
    app::load_machine_baseline(directory, machine);
  } catch (const InputError& error) {
    return error.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("a saved entry is found for its machine, and another machine's stands in for allocations only") {
  test::ScratchDir scratch;
  const report::RunContext epyc = context_on("AMD EPYC");
  CHECK(save(scratch.path(), epyc) == scratch / "amd-epyc-avx2-fma-1t-release");
  save(scratch.path(), context_on("Intel Xeon"));
  save(scratch.path(), epyc);  // replaces its entry, adds no line
  const report::BaselineIndex index = index_of(scratch.path());
  REQUIRE(index.entries.size() == 2);
  CHECK(index.entries[1].folder == "intel-xeon-avx2-fma-1t-release");

  const app::MachineBaseline own = app::load_machine_baseline(scratch.path(), report::fingerprint_of(epyc));
  CHECK(own.this_machine);
  CHECK(own.folder == "amd-epyc-avx2-fma-1t-release");
  CHECK(own.baseline.alloc.has_value());

  report::MachineFingerprint two_threads = report::fingerprint_of(epyc);
  two_threads.threads = 2;
  const app::MachineBaseline other = app::load_machine_baseline(scratch.path(), two_threads);
  CHECK_FALSE(other.this_machine);
  CHECK(other.folder == "amd-epyc-avx2-fma-1t-release");  // shares the most fields
}

TEST_CASE("two fingerprints with the same slug get two folders") {
  test::ScratchDir scratch;
  save(scratch.path(), context_on("AMD EPYC"));
  CHECK(save(scratch.path(), context_on("amd epyc")) == scratch / "amd-epyc-avx2-fma-1t-release-2");
}

TEST_CASE("a missing, empty or inconsistent baselines directory is refused naming the file") {
  test::ScratchDir scratch;
  const report::MachineFingerprint epyc = report::fingerprint_of(context_on("AMD EPYC"));
  CHECK_THAT(refusal(scratch.path(), epyc), Catch::StartsWith((scratch / "index.json").string() + ": does not exist"));
  test::write_file(scratch / "index.json", report::baseline_index_to_json({}));
  CHECK_THAT(refusal(scratch.path(), epyc), Catch::Contains("lists no baseline"));

  save(scratch.path(), context_on("AMD EPYC"));
  const fs::path folder = scratch / "amd-epyc-avx2-fma-1t-release";
  SECTION("a listed folder that is gone") {
    fs::remove_all(folder);
    CHECK_THAT(refusal(scratch.path(), epyc), Catch::StartsWith(folder.string() + ": does not exist, though "));
  }
  SECTION("a listed report that is gone") {
    fs::remove(folder / "allocation-profile.json");
    CHECK_THAT(refusal(scratch.path(), epyc), Catch::StartsWith((folder / "allocation-profile.json").string()));
  }
  SECTION("a profile measured on another machine than its entry says") {
    const report::ProfileRecord other =
        test::sampled_profile({test::sampled_scope("Forward", {1.0})}, context_on("Intel Xeon"));
    test::write_file(folder / "enhanced-profile-report.json", report::profile_to_json(other));
    CHECK_THAT(refusal(scratch.path(), epyc), Catch::Contains("was measured on Intel Xeon, avx2+fma, 1 thread"));
  }
}

TEST_CASE("a run with an injected slowdown or from a non-Release build never becomes a baseline") {
  test::ScratchDir scratch;
  report::RunContext slowed = context_on("AMD EPYC");
  slowed.settings.injected_slowdowns = {{"Forward", 10.0}};
  CHECK_THROWS_WITH(save(scratch.path(), slowed), Catch::Contains("--inject-slowdown"));
  report::RunContext debug = context_on("AMD EPYC");
  debug.machine.build_type = "Debug";
  CHECK_THROWS_AS(save(scratch.path(), debug), UsageError);
  CHECK_FALSE(fs::exists(scratch / "index.json"));
  CHECK_NOTHROW(app::require_baseline_worthy(context_on("AMD EPYC")));
}

TEST_CASE("run saves this machine's entry, then picks it, and another machine's gives timings not compared") {
  test::ScratchDir scratch;
  app::RunOptions options;
  options.enhanced.repetitions = 3;
  options.enhanced.processes = 1;  // in this process: children would be this test binary
  options.enhanced.skip_peak = true;
  options.enhanced.filter = "Softmax_256";
  options.alloc.iterations = 2;
  options.alloc.steps = 2;
  options.alloc.repetitions = 1;
  options.gate.report_only = true;  // the verdict on timings of a shared machine is not under test
  options.baselines_dir = (scratch / "baselines").string();
  options.output_dir = (scratch / "first").string();
  options.save_baseline = true;
  options.no_baseline = true;
  if (report::collect_context({}).machine.build_type != "Release") {
    CHECK_THROWS_AS(app::run_profiling(options), UsageError);
    return;
  }
  REQUIRE(app::run_profiling(options).status == 0);
  REQUIRE(index_of(scratch / "baselines").entries.size() == 1);

  options.save_baseline = false;
  options.no_baseline = false;
  options.output_dir = (scratch / "second").string();
  REQUIRE(app::run_profiling(options).status == 0);
  CHECK_THAT(test::read_file(scratch / "second" / "README.md"), Catch::Contains("this machine's entry"));
  CHECK_THAT(test::read_file(scratch / "second" / "current-vs-baseline-comparison.json"),
             !Catch::Contains("not_comparable"));

  options.enhanced.threads = 2;  // another fingerprint
  options.gate.report_only = false;
  options.output_dir = (scratch / "third").string();
  REQUIRE(app::run_profiling(options).status == 0);
  CHECK_THAT(test::read_file(scratch / "third" / "profiling-output.log"),
             Catch::Contains("no baseline for this machine") && Catch::Contains("--save-baseline"));
  CHECK_THAT(test::read_file(scratch / "third" / "current-vs-baseline-comparison.json"),
             Catch::Contains("\"not_comparable\""));

  options.strict_env = true;
  options.output_dir = (scratch / "fourth").string();
  CHECK_THROWS_WITH(app::run_profiling(options), Catch::Contains("--strict-env"));
  CHECK_FALSE(fs::exists(scratch / "fourth"));
}
