#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "report/analysis/compare.hpp"
#include "report/records/stats.hpp"
#include "report_test_support.hpp"
#include "tests/named_record.hpp"

using namespace smp;
using report::GateMethod;
using report::GateVerdict;
using report::ScopeVerdict;

namespace {

// A shared machine: each process lands +-3 % off the true time, and its
// repetitions scatter +-0.5 % around that.
constexpr double kProcessNoise = 0.03;
constexpr double kRepetitionNoise = 0.005;
constexpr std::size_t kRepetitionsPerProcess = 3;
constexpr double kShift = 1.2;  // a 20 % slowdown
constexpr std::size_t kProcesses = 10;

struct ScopeSpec {
  const char* name;
  const char* parent;
  double ms;
};

constexpr ScopeSpec kScopes[] = {
    {"Model", "", 50.0}, {"Model_Forward", "Model", 45.0}, {"MatMul", "", 8.0}, {"GELU", "", 1.0}};

// Our JSON-format record: samples per scope from `processes` processes, each
// tagged with its process, `slow` scaling the named scope.
report::ProfileRecord measured(unsigned seed, std::size_t processes, std::string_view slow = "",
                               double factor = 1.0) {
  report::ProfileRecord record;
  record.format = report::ReportFormat::smallmind_prof_json;
  report::RunContext environment;
  environment.machine.cpu_model = "Test CPU";
  environment.machine.build_type = "Release";
  environment.machine.isa = "avx2+fma";
  record.context = environment;
  for (const ScopeSpec& spec : kScopes) {
    report::ScopeRecord scope = test::timed_scope(spec.name, 0.0);
    if (*spec.parent != 0) scope.parents = {spec.parent};
    const double centre = spec.name == slow ? spec.ms * factor : spec.ms;
    const auto process_centres = test::noisy_samples(centre, processes, kProcessNoise, seed++);
    for (std::uint32_t process = 0; process < processes; ++process) {
      for (double sample : test::noisy_samples(process_centres[process], kRepetitionsPerProcess, kRepetitionNoise, seed++)) {
        scope.inclusive_ms.push_back(sample);
        scope.sample_process.push_back(process);
      }
    }
    scope.alloc_count = 100;
    scope.alloc_bytes = 4096;
    record.scopes.push_back(scope);
  }
  return record;
}

report::GateResult gate_of(const report::ProfileRecord& previous, const report::ProfileRecord& current,
                           const report::GateOptions& options = {}) {
  return report::compare_profiles(previous, current, options).gate;
}

const report::ScopeStatistics& scope_named(const report::GateResult& gate, std::string_view name) {
  return test::named(gate.scopes, name);
}

}  // namespace

TEST_CASE("gate: an A/A pair of multi-process runs passes with nothing flagged") {
  const auto gate = gate_of(measured(100, kProcesses), measured(200, kProcesses));
  CHECK(gate.method == GateMethod::processes);
  CHECK(gate.verdict == GateVerdict::pass);
  CHECK(gate.regressed == 0);
  CHECK(gate.inconclusive == 0);
  REQUIRE(gate.overall.has_value());
  REQUIRE(gate.overall->interval.has_value());
  CHECK(gate.overall->interval->low < 1.0);
  CHECK(gate.overall->interval->high > 1.0);
  REQUIRE(gate.detectable_pct.has_value());
  CHECK(*gate.detectable_pct > 0.0);
}

TEST_CASE("gate: the process, not the repetition, is the unit of replication") {
  const auto previous = measured(100, kProcesses);
  const auto current = measured(200, kProcesses, "MatMul", kShift);
  const auto gate = gate_of(previous, current);
  const auto& matmul = scope_named(gate, "MatMul");
  CHECK(matmul.previous_units == kProcesses);
  CHECK(matmul.previous_samples == kProcesses * kRepetitionsPerProcess);
}

TEST_CASE("gate: a 20 % slowdown of one scope over 10 processes is a regression") {
  const auto gate = gate_of(measured(100, kProcesses), measured(200, kProcesses, "MatMul", kShift));
  CHECK(gate.verdict == GateVerdict::regression);
  CHECK(gate.regressed == 1);
  const auto& matmul = scope_named(gate, "MatMul");
  CHECK(matmul.verdict == ScopeVerdict::regressed);
  CHECK(matmul.significant);
  CHECK(matmul.p_adjusted >= matmul.p_value);
  REQUIRE(matmul.ratio_interval.has_value());
  CHECK(matmul.ratio_interval->low > 1.0);
  // Three top-level scopes, one 20 % slower: the geometric mean moves by its cube root.
  REQUIRE(gate.overall.has_value());
  CHECK(gate.overall->scopes == 3);
  CHECK(gate.overall->ratio > 1.0);
  CHECK(gate.overall->ratio < kShift);
}

TEST_CASE("gate: nested scopes are described but not tested, so they do not inflate Holm's family") {
  const auto gate = gate_of(measured(100, kProcesses), measured(200, kProcesses, "Model_Forward", kShift));
  const auto& forward = scope_named(gate, "Model_Forward");
  CHECK_FALSE(forward.tested);
  CHECK(forward.parents == std::vector<std::string>{"Model"});
  CHECK(forward.ratio.has_value());
  CHECK(forward.verdict == ScopeVerdict::unchanged);
  CHECK(gate.regressed + gate.improved + gate.inconclusive + gate.unchanged == 3);
}

TEST_CASE("gate: a slowdown beyond the threshold without significance is inconclusive, with the processes needed") {
  const std::size_t few = 2;
  const auto gate = gate_of(measured(100, few), measured(200, few, "MatMul", 1.15));
  CHECK(gate.method == GateMethod::processes);
  const auto& matmul = scope_named(gate, "MatMul");
  REQUIRE(matmul.verdict == ScopeVerdict::inconclusive);
  CHECK(gate.verdict == GateVerdict::inconclusive);
  REQUIRE(matmul.units_needed.has_value());
  CHECK(*matmul.units_needed > few);
}

TEST_CASE("gate: a slowdown within the threshold passes even when significant") {
  report::GateOptions options;
  options.threshold_pct = 25.0;
  const auto gate = gate_of(measured(100, kProcesses), measured(200, kProcesses, "MatMul", kShift), options);
  CHECK(gate.verdict == GateVerdict::pass);
  CHECK(scope_named(gate, "MatMul").significant);
}

TEST_CASE("gate: an accepted slowdown raises only that scope's threshold") {
  report::GateOptions options;
  options.accepted = {{"MatMul", 25.0}};
  const auto gate = gate_of(measured(100, kProcesses), measured(200, kProcesses, "MatMul", kShift), options);
  CHECK(gate.verdict == GateVerdict::pass);
  CHECK(scope_named(gate, "MatMul").threshold_pct == 25.0);
  CHECK(scope_named(gate, "GELU").threshold_pct == options.threshold_pct);
  CHECK(gate_of(measured(100, kProcesses), measured(200, kProcesses, "GELU", kShift), options).verdict ==
        GateVerdict::regression);
}

TEST_CASE("gate: one process a side never claims significance and never passes time silently") {
  const auto gate = gate_of(measured(100, 1), measured(200, 1, "MatMul", 2.0));
  CHECK(gate.method == GateMethod::single_process);
  CHECK_THAT(gate.method_reason, Catch::Matchers::Contains("one process"));
  CHECK(gate.regressed == 0);
  CHECK(gate.verdict == GateVerdict::inconclusive);
  CHECK_FALSE(scope_named(gate, "MatMul").significant);
  CHECK(scope_named(gate, "MatMul").verdict == ScopeVerdict::inconclusive);
  // An allocation-only gate is unaffected.
  report::GateOptions alloc_only;
  alloc_only.gate_time = false;
  alloc_only.gate_alloc = true;
  CHECK(gate_of(measured(100, 1), measured(200, 1), alloc_only).verdict == GateVerdict::pass);
}

TEST_CASE("gate: paired rounds compare round by round") {
  report::GateOptions options;
  options.paired = true;
  const auto base = measured(100, kProcesses);
  auto candidate = base;  // the same rounds, one scope 10 % slower in each
  for (auto& scope : candidate.scopes) {
    if (scope.name == "GELU") {
      for (double& sample : scope.inclusive_ms) sample *= 1.1;
    }
  }
  options.threshold_pct = 5.0;
  const auto gate = gate_of(base, candidate, options);
  CHECK(gate.method == GateMethod::paired_rounds);
  CHECK(gate.regressed == 1);
  CHECK(scope_named(gate, "GELU").ratio.value() == Approx(1.1));
  CHECK(scope_named(gate, "MatMul").verdict == ScopeVerdict::unchanged);


  // Holm's adjusted p-values do not depend on the level: what regresses at
  // alpha also regresses at any laxer level (ab's first look relies on it).
  options.alpha = 0.2;
  CHECK(gate_of(base, candidate, options).regressed == 1);
}

TEST_CASE("gate: a round disturbed on one side is trimmed, not taken as a change") {
  report::GateOptions options;
  options.paired = true;
  options.threshold_pct = 3.0;
  const auto base = measured(200, kProcesses);
  auto candidate = base;
  for (auto& scope : candidate.scopes) {
    if (scope.name != "MatMul") continue;
    // A burst of load on the candidate's side of one round: +60 % there.
    for (std::size_t i = 0; i < scope.inclusive_ms.size(); ++i) {
      if (scope.sample_process[i] == 4) scope.inclusive_ms[i] *= 1.6;
    }
  }
  const auto gate = gate_of(base, candidate, options);
  CHECK(scope_named(gate, "MatMul").ratio.value() == Approx(1.0));
  CHECK(scope_named(gate, "MatMul").verdict == ScopeVerdict::unchanged);
  CHECK(gate.verdict == GateVerdict::pass);
}

TEST_CASE("gate: reports of different machines are not comparable in time, but allocations still gate") {
  const auto previous = measured(100, kProcesses);
  auto current = measured(200, kProcesses, "MatMul", 2.0);
  current.context->machine.cpu_model = "Other CPU";
  current.scopes[0].alloc_count += 1;
  const auto gate = gate_of(previous, current);
  CHECK(gate.method == GateMethod::not_comparable);
  CHECK_THAT(gate.method_reason, Catch::Matchers::Contains("CPU model"));
  CHECK_FALSE(gate.time_failed);
  CHECK(gate.verdict == GateVerdict::pass);
  report::GateOptions with_alloc;
  with_alloc.gate_alloc = true;
  CHECK(gate_of(previous, current, with_alloc).verdict == GateVerdict::regression);
}

TEST_CASE("gate: paired rounds (ab) compare time across a difference of settings they chose") {
  const auto previous = measured(100, kProcesses);
  auto current = measured(200, kProcesses, "MatMul", 2.0);
  current.context->settings.threads = 2;
  report::GateOptions paired;
  paired.paired = true;
  const auto gate = gate_of(previous, current, paired);
  CHECK(gate.method == GateMethod::paired_rounds);
  CHECK(gate.verdict == GateVerdict::regression);
  CHECK(gate_of(previous, current).method == GateMethod::not_comparable);
}

TEST_CASE("gate: markdown reports use SmallMind's total-runtime rule with the threshold") {
  const auto previous = test::markdown_record({test::timed_scope("A", 100.0), test::timed_scope("B", 100.0)});
  const auto current = test::markdown_record({test::timed_scope("A", 130.0), test::timed_scope("B", 100.0)});
  const auto gate = gate_of(previous, current);
  CHECK(gate.method == GateMethod::threshold_rule);
  CHECK(gate.verdict == GateVerdict::regression);  // +15 % total
  report::GateOptions lenient;
  lenient.threshold_pct = 20.0;
  CHECK(gate_of(previous, current, lenient).verdict == GateVerdict::pass);
  report::GateOptions alloc_only;
  alloc_only.gate_time = false;
  alloc_only.gate_alloc = true;
  CHECK(gate_of(previous, current, alloc_only).verdict == GateVerdict::pass);
}

TEST_CASE("gate: scopes in one report only are listed, and fail the gate only with fail_on_missing") {
  const auto previous = test::markdown_record({test::timed_scope("A", 100.0), test::timed_scope("Gone", 900.0)});
  const auto current = test::markdown_record({test::timed_scope("A", 200.0)});
  // The total over the common scope doubled; summing Gone would read -80 %.
  const auto record = report::compare_profiles(previous, current, {});
  CHECK(record.gate.verdict == GateVerdict::regression);
  CHECK(record.smallmind.previous_only == std::vector<std::string>{"Gone"});

  const auto same = test::markdown_record({test::timed_scope("A", 100.0)});
  CHECK(gate_of(previous, same).verdict == GateVerdict::pass);
  CHECK_FALSE(gate_of(previous, same).missing_failed);
  report::GateOptions strict;
  strict.fail_on_missing = true;
  const auto gate = gate_of(previous, same, strict);
  CHECK(gate.missing_failed);
  CHECK(gate.verdict == GateVerdict::regression);
  CHECK_FALSE(gate_of(same, same, strict).missing_failed);
}

TEST_CASE("gate: an allocation change carries its size and count change") {
  const auto previous = measured(100, kProcesses);
  auto current = measured(200, kProcesses);
  current.scopes[0].alloc_bytes = previous.scopes[0].alloc_bytes / 8;  // an 87.5 % drop
  const auto gate = gate_of(previous, current);
  REQUIRE(gate.allocations.size() == 1);
  CHECK_FALSE(gate.allocations[0].exceeded);
  REQUIRE(gate.allocations[0].size_change_pct.has_value());
  CHECK(*gate.allocations[0].size_change_pct == -87.5);
  REQUIRE(gate.allocations[0].count_change_pct.has_value());
  CHECK(*gate.allocations[0].count_change_pct == 0.0);
}

TEST_CASE("gate: allocation growth fails the alloc gate exactly, naming the scopes") {
  const auto previous = measured(100, kProcesses);
  auto current = measured(200, kProcesses);
  current.scopes[1].alloc_count += 1;
  report::GateOptions options;
  options.gate_alloc = true;
  const auto gate = gate_of(previous, current, options);
  CHECK(gate.verdict == GateVerdict::regression);
  CHECK(gate.alloc_failed);
  REQUIRE(gate.allocations.size() == 1);
  CHECK(gate.allocations[0].name == current.scopes[1].name);
  CHECK(gate.allocations[0].exact);
  CHECK(gate.allocations[0].exceeded);

  // Reported but not gated by default; tolerated under a generous threshold.
  CHECK(gate_of(previous, current).verdict == GateVerdict::pass);
  options.alloc_threshold_pct = 5.0;
  CHECK(gate_of(previous, current, options).verdict == GateVerdict::pass);
}

TEST_CASE("gate: environment differences and unoptimised builds are reported") {
  const auto previous = measured(100, kProcesses);
  auto current = measured(200, kProcesses);
  current.context->machine.cpu_model = "Other CPU";
  current.context->settings.threads = 4;
  current.context->machine.build_type = "Debug";
  const auto gate = gate_of(previous, current);
  std::vector<std::string> fields;
  for (const auto& difference : gate.environment) fields.push_back(difference.field);
  CHECK(fields == std::vector<std::string>{"CPU model", "build type", "threads"});
  REQUIRE(gate.warnings.size() == 1);
  CHECK_THAT(gate.warnings[0], Catch::Matchers::Contains("Debug"));
  CHECK(gate_of(previous, measured(300, kProcesses)).environment.empty());
}

namespace {

bool any_warning_has(const report::GateResult& gate, std::string_view text) {
  for (const std::string& warning : gate.warnings) {
    if (warning.find(text) != std::string::npos) return true;
  }
  return false;
}

// Ten top-level scopes from `processes` processes, the whole machine running
// `machine` times slower and scope S0 `factor` times slower on top of that.
report::ProfileRecord machine_run(unsigned seed, double machine, double factor = 1.0) {
  report::ProfileRecord record = measured(seed, kProcesses);
  record.scopes.clear();
  for (int i = 0; i < 10; ++i) {
    report::ScopeRecord scope = test::timed_scope("S" + std::to_string(i), 0.0);
    const double centre = (1.0 + i) * machine * (i == 0 ? factor : 1.0);
    const auto process_centres = test::noisy_samples(centre, kProcesses, kProcessNoise, seed++);
    for (std::uint32_t process = 0; process < kProcesses; ++process) {
      scope.inclusive_ms.push_back(process_centres[process]);
      scope.sample_process.push_back(process);
    }
    record.scopes.push_back(scope);
  }
  return record;
}

}  // namespace

TEST_CASE("gate: separately run reports are judged beyond the machine's shift") {
  SECTION("every scope 40 % slower alike is not a regression, and says why") {
    const auto gate = gate_of(machine_run(100, 1.0), machine_run(200, 1.4));
    REQUIRE(gate.machine_shift.has_value());
    CHECK(*gate.machine_shift == Approx(1.4).epsilon(0.05));
    CHECK(gate.regressed == 0);
    CHECK(gate.verdict == GateVerdict::inconclusive);
    CHECK_FALSE(scope_named(gate, "S3").beyond_machine_shift);
    CHECK(scope_named(gate, "S3").significant);  // the raw change is still reported as it is
    CHECK(any_warning_has(gate, "moved by a median +"));
  }
  SECTION("one scope slower beyond a machine shift still regresses") {
    const auto gate = gate_of(machine_run(100, 1.0), machine_run(200, 1.4, 1.5));
    CHECK(gate.regressed == 1);
    CHECK(scope_named(gate, "S0").verdict == ScopeVerdict::regressed);
    CHECK(scope_named(gate, "S0").beyond_machine_shift);
  }
  SECTION("with the machine steady a one-scope slowdown regresses as before, without a warning") {
    const auto gate = gate_of(machine_run(100, 1.0), machine_run(200, 1.0, 1.2));
    REQUIRE(gate.machine_shift.has_value());
    CHECK(gate.regressed == 1);
    CHECK(scope_named(gate, "S0").verdict == ScopeVerdict::regressed);
    CHECK_FALSE(any_warning_has(gate, "moved by a median"));
  }
  SECTION("paired rounds (ab) are never shifted: their sides shared the machine's speed") {
    report::GateOptions options;
    options.paired = true;
    const auto gate = gate_of(machine_run(100, 1.0), machine_run(200, 1.4), options);
    CHECK_FALSE(gate.machine_shift.has_value());
  }
}
