#include <string>

#include <catch2/catch.hpp>

#include "report/results_dir/scope_change_chart.hpp"
#include "xml_check.hpp"

using namespace smp;

namespace {

report::ScopeStatistics stats(std::string name, double ratio, report::ScopeVerdict verdict,
                              std::vector<std::string> parents = {}) {
  report::ScopeStatistics scope;
  scope.name = std::move(name);
  scope.ratio = ratio;
  scope.ratio_interval = report::Interval{ratio * 0.97, ratio * 1.03};
  scope.verdict = verdict;
  scope.parents = std::move(parents);
  scope.tested = scope.parents.empty();
  return scope;
}

report::RunBaseline baseline() {
  report::RunBaseline run;
  run.profile_path = "baselines/x/enhanced-profile-report.json";
  run.comparison.smallmind.previous_generated = "2026-02-05T10:00:00+01:00";
  report::GateResult& gate = run.comparison.gate;
  gate.method = report::GateMethod::processes;
  gate.options.threshold_pct = 10.0;
  gate.scopes = {stats("Model_Small_Inference", 1.3, report::ScopeVerdict::regressed),
                 stats("Model_Small_Forward", 1.31, report::ScopeVerdict::unchanged, {"Model_Small_Inference"}),
                 stats("MatMul_<64>", 0.7, report::ScopeVerdict::improved),
                 stats("GELU_1000", 1.12, report::ScopeVerdict::inconclusive),
                 stats("Softmax_256", 1.01, report::ScopeVerdict::unchanged)};
  gate.environment = {{"cpu model", "AMD EPYC", "Intel Xeon"}};
  return run;
}

}  // namespace

TEST_CASE("the change chart is well-formed SVG with an axis, a zero line, ticks, the threshold band and a legend") {
  const auto svg = report::scope_change_svg(baseline());
  REQUIRE(svg);
  CHECK(test::xml_problem(*svg) == std::nullopt);
  CHECK(test::occurrences(*svg, "class=\"axis\"") == 1);
  CHECK(test::occurrences(*svg, "class=\"zero-line\"") == 1);
  CHECK(test::occurrences(*svg, "class=\"threshold-band\"") == 1);
  CHECK(test::occurrences(*svg, "class=\"tick\"") >= 3);
  CHECK(svg->find(">0</text>") != std::string::npos);
  CHECK(svg->find(">+25%</text>") != std::string::npos);
  for (const char* word : {">regressed<", ">improved<", ">unchanged<", ">inconclusive<", ">±10% threshold<"}) {
    CHECK(test::occurrences(*svg, word) == 1);
  }
}

TEST_CASE("the change chart draws every scope once, its whiskers from the gate's interval, in its verdict's colour") {
  const report::RunBaseline run = baseline();
  const std::string svg = *report::scope_change_svg(run);
  CHECK(test::occurrences(svg, "<circle ") == run.comparison.gate.scopes.size());
  // A whisker is a line and two caps.
  CHECK(test::occurrences(svg, "class=\"whisker\"") == 3 * run.comparison.gate.scopes.size());
  CHECK(test::occurrences(svg, ">↳ Model_Small_Forward<") == 1);  // nested, grouped under its parent
  CHECK(svg.find(">↳ Model_Small_Forward<") > svg.find(">Model_Small_Inference<"));
  CHECK(svg.find("MatMul_&lt;64&gt;") != std::string::npos);
  for (const char* colour : {"#c62828", "#2e7d32", "#9e9e9e", "#f9a825"}) {
    CHECK(svg.find(std::string("fill=\"") + colour + "\"><title>") != std::string::npos);
  }
}

TEST_CASE("a scope nested in a nested scope is drawn under that one, not after every other") {
  report::RunBaseline run = baseline();
  // Reported after the top-level scopes, as the gate lists them.
  run.comparison.gate.scopes.push_back(
      stats("Model_Small_GenerateToken", 1.3, report::ScopeVerdict::unchanged, {"Model_Small_Inference"}));
  run.comparison.gate.scopes[1].parents = {"Model_Small_GenerateToken"};  // Model_Small_Forward
  const std::string svg = *report::scope_change_svg(run);
  const std::size_t inference = svg.find(">Model_Small_Inference<");
  const std::size_t token = svg.find(">↳ Model_Small_GenerateToken<");
  const std::size_t forward = svg.find(">↳ Model_Small_Forward<");
  REQUIRE(token != std::string::npos);
  REQUIRE(forward != std::string::npos);
  CHECK(inference < token);
  CHECK(token < forward);
  CHECK(forward < svg.find(">MatMul_&lt;64&gt;<"));
}

TEST_CASE("the change chart names the baseline and any environment difference") {
  const std::string svg = *report::scope_change_svg(baseline());
  CHECK(svg.find("Baseline: baselines/x/enhanced-profile-report.json (generated 2026-02-05T10:00:00+01:00)") !=
        std::string::npos);
  CHECK(svg.find("Environment differs: cpu model AMD EPYC → Intel Xeon") != std::string::npos);
}

TEST_CASE("without a scope to show there is no change chart") {
  report::RunBaseline run = baseline();
  run.comparison.gate.scopes.clear();
  CHECK_FALSE(report::scope_change_svg(run));
}
