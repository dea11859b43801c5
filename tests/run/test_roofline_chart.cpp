#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "report/results_dir/roofline_chart.hpp"
#include "run_test_support.hpp"
#include "xml_check.hpp"

using namespace smp;

namespace {

// Peaks of 100 GFLOPS and 20 GB/s: the ceilings meet at 5 FLOP/byte.
report::ProfileRecord kernels() {
  return test::sampled_profile({test::sampled_scope("MatMul_128x128", {1.0, 1.1, 0.9}, 4.0e7, 2.0e5),
                                test::sampled_scope("GELU_<1000>", {0.01, 0.011, 0.012}, 8.0e3, 8.0e3),
                                test::sampled_scope("Model_Small_Creation", {5.0, 5.0, 5.0})});
}

}  // namespace

TEST_CASE("the roofline is well-formed SVG with two log axes, both ceilings and one labelled point per kernel scope") {
  const auto svg = report::roofline_svg(kernels());
  REQUIRE(svg);
  CHECK(test::xml_problem(*svg) == std::nullopt);
  CHECK(test::occurrences(*svg, "class=\"axis\"") == 2);
  CHECK(test::occurrences(*svg, "class=\"ceiling\"") == 2);
  CHECK(test::occurrences(*svg, "<circle ") == 2);  // the scope without a work model is not a point
  CHECK(test::occurrences(*svg, "class=\"point-label\">MatMul_128x128<") == 1);
  CHECK(test::occurrences(*svg, "class=\"point-label\">GELU_&lt;1000&gt;<") == 1);
  CHECK(svg->find("they meet at 5.00 FLOP/byte") != std::string::npos);
  CHECK(svg->find(">100.0 GFLOPS<") != std::string::npos);
  CHECK(svg->find(">20.0 GB/s<") != std::string::npos);
  CHECK(svg->find("class=\"legend\"") != std::string::npos);
  // 200 FLOP/byte is compute-bound, 1 FLOP/byte memory-bound.
  CHECK(svg->find("MatMul_128x128: 200.00 FLOP/byte, 40.00 GFLOPS, 40% of its roof (compute-bound)") != std::string::npos);
}

TEST_CASE("labels of points that nearly coincide are moved apart and joined to their point") {
  // A kernel and its iteration scope: the same intensity, nearly the same GFLOPS.
  const report::ProfileRecord record = test::sampled_profile(
      {test::sampled_scope("TensorAdd_10000", {0.010, 0.010, 0.010}, 1.0e4, 1.2e5),
       test::sampled_scope("TensorAdd_Iteration", {0.0101, 0.0101, 0.0101}, 1.0e4, 1.2e5)});
  const std::string svg = *report::roofline_svg(record);
  CHECK(test::xml_problem(svg) == std::nullopt);
  const std::regex label(R"re(<text x="[0-9.]+" y="([0-9.]+)" font-size="11" class="point-label">)re");
  std::vector<double> baselines;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label); it != std::sregex_iterator(); ++it) {
    baselines.push_back(std::stod((*it).str(1)));
  }
  REQUIRE(baselines.size() == 2);
  CHECK(std::fabs(baselines[0] - baselines[1]) >= 12.0);
  CHECK(test::occurrences(svg, "class=\"leader\"") == 1);
}

TEST_CASE("without measured peaks there is no roofline") {
  report::ProfileRecord record = kernels();
  record.context->measured.peak_gflops = 0.0;
  CHECK_FALSE(report::roofline_svg(record));
}
