#include <catch2/catch.hpp>

#include "report/io/output_check.hpp"
#include "report_test_support.hpp"

using namespace smp;
using Catch::Matchers::Contains;

TEST_CASE("outputs are checked before anything is written") {
  test::ScratchDir scratch;
  const auto input = scratch / "previous.md";
  test::write_file(input, "x");

  SECTION("an output equal to an input") {
    CHECK_THROWS_WITH(report::check_outputs({input}, {input}), Contains("overwrite the input"));
  }
  SECTION("an output in a missing directory") {
    const auto output = scratch / "missing" / "out.md";
    CHECK_THROWS_WITH(report::check_outputs({output}, {input}), Contains(output.string()) && Contains("does not exist"));
  }
  SECTION("the same file for two outputs") {
    const auto output = scratch / "out.md";
    CHECK_THROWS_WITH(report::check_outputs({output, output}, {input}), Contains("two different outputs"));
  }
  SECTION("a writable directory passes and keeps nothing of the probe") {
    CHECK_NOTHROW(report::check_outputs({scratch / "out.md", scratch / "out.json"}, {input}));
    CHECK(std::distance(std::filesystem::directory_iterator(scratch.path()), std::filesystem::directory_iterator()) == 1);
  }
}
