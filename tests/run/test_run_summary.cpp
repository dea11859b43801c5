#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "report/analysis/compare.hpp"
#include "report/formats/number_format.hpp"
#include "report/formats/render_comparison.hpp"
#include "report/results_dir/summary.hpp"
#include "run_test_support.hpp"
#include "report/formats/render_summary.hpp"

using namespace smp;

namespace {

// Nine repetitions spread 0.1 % apart around `centre`: enough for the gate's
// rank test to call a change of a few percent significant after Holm.
std::vector<double> around(double centre) {
  std::vector<double> samples;
  for (int k = -4; k <= 4; ++k) samples.push_back(centre * (1.0 + 0.001 * k));
  return samples;
}

report::RunResults results_with_baseline() {
  const auto before = test::sampled_profile({test::sampled_scope("Model_Small_Inference", around(10.0)),
                                             test::sampled_scope("Model_Medium_Inference", around(70.0)),
                                             test::sampled_scope("Softmax_256", around(1.0)),
                                             test::sampled_scope("GELU_1000", around(2.0))});
  const auto after = test::sampled_profile({test::sampled_scope("Model_Small_Inference", around(8.0)),
                                            test::sampled_scope("Model_Medium_Inference", around(90.0)),
                                            test::sampled_scope("Softmax_256", around(1.0)),
                                            test::sampled_scope("GELU_1000", around(3.0))});
  report::RunResults results;
  results.profile = after;
  results.alloc = test::alloc_record(0, 26'214'400);
  report::GateOptions options;
  options.alpha = 0.05;
  results.baseline = report::RunBaseline{"baselines/enhanced-profile-report.json", before, std::nullopt,
                                         report::compare_profiles(before, after, options)};
  return results;
}

}  // namespace

TEST_CASE("the summary's totals and scope rows are the comparison record's figures") {
  const report::RunResults results = results_with_baseline();
  const report::SmallMindComparison& seed = results.baseline->comparison.smallmind;
  const std::string summary = report::render_run_summary(results);
  const std::string runtime_row = "| Total Runtime (ms, SmallMind's sum over every row) | " +
                                  report::fixed(seed.runtime_ms.previous, 2) + " | " +
                                  report::fixed(seed.runtime_ms.current, 2) + " | " +
                                  report::percent_text(seed.runtime_ms.change_pct, true) + " | ";
  CHECK(summary.find(runtime_row) != std::string::npos);
  for (const report::ScopeComparison& method : seed.scopes) {
    if (method.name != "Model_Medium_Inference" && method.name != "Model_Small_Inference") continue;
    const std::string row = "| `" + method.name + "` (ms) | " + report::fixed(method.previous_ms, 2) + " | " +
                            report::fixed(method.current_ms, 2) + " | " +
                            report::percent_text(method.change_pct, true) + " | ";
    CHECK(summary.find(row) != std::string::npos);
  }
  CHECK(summary.find(report::render_verdict_line(results.baseline->comparison)) != std::string::npos);
}

TEST_CASE("the summary lists slowdowns worst first and speed-ups best first") {
  const std::string summary = report::render_run_summary(results_with_baseline());
  const std::size_t regressions = summary.find("## ⚠️ Worst Regressions");
  const std::size_t improvements = summary.find("## 🚀 Best Improvements");
  REQUIRE(regressions != std::string::npos);
  REQUIRE(improvements != std::string::npos);
  const std::string slower = summary.substr(regressions, improvements - regressions);
  const std::string faster = summary.substr(improvements, summary.find("## 🔍 Findings") - improvements);
  // GELU +50 % before Medium +28.6 %; Small -20 % is the only speed-up; Softmax did not move.
  CHECK(slower.find("`GELU_1000`") < slower.find("`Model_Medium_Inference`"));
  CHECK(slower.find("Softmax_256") == std::string::npos);
  CHECK(faster.find("`Model_Small_Inference`") != std::string::npos);
  CHECK(faster.find("`GELU_1000`") == std::string::npos);
}

TEST_CASE("markers follow the direction and the band: a slower time is red, a higher throughput green") {
  const std::string summary = report::render_run_summary(results_with_baseline());
  const auto row_of = [&summary](const std::string& start) {
    const std::size_t at = summary.find(start);
    REQUIRE(at != std::string::npos);
    return summary.substr(at, summary.find('\n', at) - at);
  };
  CHECK(row_of("| `Model_Medium_Inference` (ms)").ends_with("🔴 |"));
  CHECK(row_of("| `Model_Small_Inference` tokens/s").ends_with("🟢 |"));
}

TEST_CASE("without a baseline the summary has current figures only and no verdict") {
  report::RunResults results = results_with_baseline();
  results.baseline.reset();
  const std::string summary = report::render_run_summary(results);
  CHECK(summary.find("**Baseline:** none") != std::string::npos);
  CHECK(summary.find("## 🎯 Verdict") == std::string::npos);
  CHECK(summary.find("| `Model_Medium_Inference` (ms) | – | 90.00 | – |") != std::string::npos);
  CHECK(summary.find("## 🔍 Findings") != std::string::npos);
}
