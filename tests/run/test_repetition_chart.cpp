#include <string>

#include <catch2/catch.hpp>

#include "report/results_dir/repetition_chart.hpp"
#include "run_test_support.hpp"
#include "xml_check.hpp"

using namespace smp;

TEST_CASE("the noise chart is well-formed SVG with one dot per repetition of each top-level scope") {
  report::ScopeRecord nested = test::sampled_scope("Inner", {1.0, 2.0, 3.0});
  nested.parents = {"Model <Small>"};
  report::ScopeRecord model = test::sampled_scope("Model <Small>", {10.0, 11.0, 12.0, 10.5});
  model.sample_process = {0, 0, 1, 1};
  const report::ProfileRecord profile = test::sampled_profile({model, nested, test::sampled_scope("GELU", {1.0, 1.2})});
  const auto svg = report::repetition_svg(profile, 10.0);
  REQUIRE(svg);
  CHECK(test::xml_problem(*svg) == std::nullopt);
  CHECK(test::occurrences(*svg, "<circle ") == 4 + 2);  // the nested scope is its parent's noise again
  CHECK(test::occurrences(*svg, "class=\"axis\"") == 1);
  CHECK(test::occurrences(*svg, "class=\"zero-line\"") == 1);
  CHECK(test::occurrences(*svg, "class=\"threshold-band\"") == 1);
  CHECK(svg->find("Model &lt;Small&gt; (10.8 ms)") != std::string::npos);
  CHECK(svg->find("repetition 3 (process 2) 12 ms, +12%") != std::string::npos);
  CHECK(svg->find("#1565c0") != std::string::npos);  // process 1
  CHECK(svg->find("#ef6c00") != std::string::npos);  // process 2
}

TEST_CASE("without repeated samples there is no noise chart") {
  CHECK_FALSE(report::repetition_svg(test::sampled_profile({test::sampled_scope("A", {1.0})}), 10.0));
}
