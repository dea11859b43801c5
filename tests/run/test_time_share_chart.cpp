#include <string>

#include <catch2/catch.hpp>

#include "report/results_dir/svg_chart.hpp"
#include "report/results_dir/time_share_chart.hpp"
#include "run_test_support.hpp"
#include "xml_check.hpp"

using namespace smp;

namespace {

// Top level: 60 + 30 + 8 + 1.2 + 0.5 + 0.3 = 100 ms; the nested scope is inside Model's 60.
report::ProfileRecord profile() {
  report::ScopeRecord nested = test::sampled_scope("Model_Forward", {50.0, 50.0, 50.0});
  nested.parents = {"Model <Small>"};
  return test::sampled_profile({test::sampled_scope("MatMul_256x256", {30.0, 31.0, 29.0}),
                                test::sampled_scope("Model <Small>", {60.0, 59.0, 61.0}), nested,
                                test::sampled_scope("GELU_1000", {8.0, 8.0, 8.0}),
                                test::sampled_scope("Softmax_256", {1.2, 1.2, 1.2}),
                                test::sampled_scope("TensorAdd_1000", {0.5, 0.5, 0.5}),
                                test::sampled_scope("TensorMul_1000", {0.3, 0.3, 0.3})});
}

}  // namespace

TEST_CASE("the time-share chart ranks the top-level scopes by their share of the top-level time") {
  const auto chart = report::time_share_chart(profile());
  REQUIRE(chart);
  REQUIRE(chart->bars.size() == 5);
  CHECK(chart->bars[0].label == "Model <Small>");
  CHECK(chart->bars[0].value == Approx(60.0));
  CHECK(chart->bars[0].value_text == "60.0% · 60.0 ms");
  CHECK(chart->bars[1].label == "MatMul_256x256");
  CHECK(chart->bars[1].value_text == "30.0% · 30.0 ms");
  CHECK(chart->bars[2].value_text == "8.0% · 8.00 ms");
  CHECK(chart->bars[3].label == "Softmax_256");
  CHECK(chart->bars[3].value_text == "1.2% · 1.20 ms");
  // The two shares below 1% are one bar, their sum.
  CHECK(chart->bars[4].label == "other (2 scopes, each below 1%)");
  CHECK(chart->bars[4].value == Approx(0.8));
  CHECK(chart->bars[4].value_text == "0.8% · 800 µs");
  CHECK(chart->axis_label == "% of 100 ms, the sum of the 6 top-level scopes' median times per repetition");

  const std::string svg = report::render_bar_chart_svg(*chart);
  CHECK(test::xml_problem(svg) == std::nullopt);
  CHECK(test::occurrences(svg, "<title>") == 5);
  CHECK(svg.find(">Model &lt;Small&gt;<") != std::string::npos);
  CHECK(svg.find(">60.0% · 60.0 ms<") != std::string::npos);
  CHECK(svg.find("Model_Forward") == std::string::npos);  // nested: counted inside its parent
}

TEST_CASE("a single small share is shown by name, not as a group of one") {
  report::ProfileRecord record = profile();
  record.scopes.pop_back();  // TensorMul: TensorAdd is the only share below 1%
  const auto chart = report::time_share_chart(record);
  REQUIRE(chart);
  REQUIRE(chart->bars.size() == 5);
  CHECK(chart->bars.back().label == "TensorAdd_1000");
}

TEST_CASE("with fewer than two top-level scopes that took time there is no time-share chart") {
  CHECK_FALSE(report::time_share_chart(test::sampled_profile({test::sampled_scope("A", {1.0})})));
  CHECK_FALSE(report::time_share_chart(
      test::sampled_profile({test::sampled_scope("A", {0.0}), test::sampled_scope("B", {0.0})})));
}
