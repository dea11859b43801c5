#include <string>

#include <catch2/catch.hpp>

#include "report/results_dir/peak_chart.hpp"
#include "report/results_dir/roofline_chart.hpp"
#include "report/results_dir/svg_chart.hpp"
#include "run_test_support.hpp"
#include "xml_check.hpp"

using namespace smp;

namespace {

// Peaks of 100 GFLOPS and 20 GB/s (balance 5 FLOP/byte), each scope one call a repetition:
// MatMul 40 GFLOPS of 100 (compute); GELU 8 kB in 10 µs = 0.8 GB/s of 20 (memory);
// TensorAdd 1.2 MB in 10 µs = 120 GB/s, 600% of the memory bandwidth (in cache).
report::ProfileRecord kernels() {
  return test::sampled_profile({test::sampled_scope("MatMul_128x128", {1.0, 1.1, 0.9}, 4.0e7, 2.0e5),
                                test::sampled_scope("GELU_1000", {0.01, 0.01, 0.01}, 0.0, 8.0e3),
                                test::sampled_scope("TensorAdd_100000", {0.01, 0.01, 0.01}, 1.0e5, 1.2e6),
                                test::sampled_scope("Model_Small_Creation", {5.0, 5.0, 5.0})});
}

}  // namespace

TEST_CASE("the % of peak chart colours each scope by its bound and cuts the axis at 100%") {
  const auto chart = report::peak_chart(kernels());
  REQUIRE(chart);
  REQUIRE(chart->bars.size() == 3);  // the scope without a work model has no bar
  CHECK(chart->bars[0].label == "GELU_1000");
  CHECK(chart->bars[0].value_text == "4.0% (0.80 GB/s)");
  CHECK(chart->bars[0].colour == report::kMemoryBoundColour);
  CHECK(chart->bars[1].label == "MatMul_128x128");
  CHECK(chart->bars[1].value_text == "40.0% (40.00 GFLOPS)");
  CHECK(chart->bars[1].colour == report::kComputeBoundColour);
  CHECK(chart->bars[2].label == "TensorAdd_100000");
  CHECK(chart->bars[2].value_text == "600.0% (120.00 GB/s, in cache)");
  CHECK(chart->axis_max == 100.0);

  const std::string svg = report::render_bar_chart_svg(*chart);
  CHECK(test::xml_problem(svg) == std::nullopt);
  CHECK(test::occurrences(svg, "class=\"cut\"") == 2);  // TensorAdd's bar only
  CHECK(svg.find(">compute-bound: % of the FMA peak<") != std::string::npos);
  CHECK(svg.find(">memory-bound: % of the memory bandwidth<") != std::string::npos);
  CHECK(svg.find(">25%<") != std::string::npos);
  CHECK(svg.find(">100%<") != std::string::npos);
}

TEST_CASE("without a measured peak there is no % of peak chart") {
  report::ProfileRecord record = kernels();
  record.context->measured.peak_gflops = 0.0;
  record.context->measured.peak_gbps = 0.0;
  CHECK_FALSE(report::peak_chart(record));
}
