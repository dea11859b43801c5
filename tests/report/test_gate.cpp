#include <catch2/catch.hpp>

#include "report/analysis/compare.hpp"
#include "report/records/stats.hpp"
#include "report_test_support.hpp"

using namespace smp;
using report::GateMethod;
using report::GateVerdict;
using report::ScopeVerdict;

namespace {

// A quiet machine: +-3 % around the true time.
constexpr double kNoise = 0.03;
constexpr double kShift = 1.2;  // a 20 % slowdown
constexpr std::size_t kRepetitions = 10;

struct ScopeSpec {
  const char* name;
  const char* parent;
  double ms;
};

constexpr ScopeSpec kScopes[] = {
    {"Model", "", 50.0}, {"Model_Forward", "Model", 45.0}, {"MatMul", "", 8.0}, {"GELU", "", 1.0}};

// Our JSON-format record: samples per scope, `slow` scaling the named scope.
report::ProfileRecord measured(unsigned seed, std::size_t repetitions, std::string_view slow = "",
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
    scope.parent = spec.parent;
    const double centre = spec.name == slow ? spec.ms * factor : spec.ms;
    scope.inclusive_ms = test::noisy_samples(centre, repetitions, kNoise, seed++);
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
  for (const auto& stats : gate.scopes) {
    if (stats.name == name) return stats;
  }
  FAIL("no scope " << name);
  throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("gate: an A/A pair of measured runs passes with nothing flagged") {
  const auto gate = gate_of(measured(100, kRepetitions), measured(200, kRepetitions));
  CHECK(gate.method == GateMethod::statistical);
  CHECK(gate.verdict == GateVerdict::pass);
  CHECK(gate.regressed == 0);
  CHECK(gate.inconclusive == 0);
  REQUIRE(gate.overall.has_value());
  REQUIRE(gate.overall->interval.has_value());
  CHECK(gate.overall->interval->low < 1.0);
  CHECK(gate.overall->interval->high > 1.0);
}

TEST_CASE("gate: a 20 % slowdown of one scope with 10 repetitions is a regression") {
  const auto gate = gate_of(measured(100, kRepetitions), measured(200, kRepetitions, "MatMul", kShift));
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

TEST_CASE("gate: a slowdown beyond the threshold without significance is inconclusive") {
  const std::size_t few = 3;  // the fewest the statistical gate accepts; too few for alpha 0.01
  const auto gate = gate_of(measured(100, few), measured(200, few, "MatMul", 1.3));
  CHECK(gate.method == GateMethod::statistical);
  CHECK(gate.verdict == GateVerdict::inconclusive);
  const auto& matmul = scope_named(gate, "MatMul");
  CHECK(matmul.verdict == ScopeVerdict::inconclusive);
  REQUIRE(matmul.repetitions_needed.has_value());
  CHECK(*matmul.repetitions_needed > few);
}

TEST_CASE("gate: a slowdown within the threshold passes even when significant") {
  report::GateOptions options;
  options.threshold_pct = 25.0;
  const auto gate = gate_of(measured(100, kRepetitions), measured(200, kRepetitions, "MatMul", kShift), options);
  CHECK(gate.verdict == GateVerdict::pass);
  CHECK(scope_named(gate, "MatMul").significant);
}

TEST_CASE("gate: fewer than 3 repetitions fall back to the threshold rule and say so") {
  const auto gate = gate_of(measured(100, 2), measured(200, 2, "MatMul", kShift));
  CHECK(gate.method == GateMethod::threshold_rule);
  CHECK_THAT(gate.method_reason, Catch::Matchers::Contains("fewer than 3"));
  CHECK(gate.scopes.empty());
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

TEST_CASE("gate: allocation growth fails the alloc gate exactly, naming the scopes") {
  const auto previous = measured(100, kRepetitions);
  auto current = measured(200, kRepetitions);
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
  const auto previous = measured(100, kRepetitions);
  auto current = measured(200, kRepetitions);
  current.context->machine.cpu_model = "Other CPU";
  current.context->settings.threads = 4;
  current.context->machine.build_type = "Debug";
  const auto gate = gate_of(previous, current);
  std::vector<std::string> fields;
  for (const auto& difference : gate.environment) fields.push_back(difference.field);
  CHECK(fields == std::vector<std::string>{"CPU model", "build type", "threads"});
  REQUIRE(gate.warnings.size() == 1);
  CHECK_THAT(gate.warnings[0], Catch::Matchers::Contains("Debug"));
  CHECK(gate_of(previous, measured(300, kRepetitions)).environment.empty());
}
