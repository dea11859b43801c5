#include <catch2/catch.hpp>

#include "report/formats/read_report.hpp"
#include "report_test_support.hpp"

using namespace smp;

TEST_CASE("the format is recognised by content, not by file name") {
  test::ScratchDir scratch;
  const auto json_named_md = scratch / "profile.md";
  std::filesystem::copy_file(test::data_path("compare/json/baseline.json"), json_named_md);
  CHECK(report::read_report(json_named_md).format == report::ReportFormat::smallmind_prof_json);

  const auto markdown_named_json = scratch / "profile.json";
  std::filesystem::copy_file(test::data_path("smallmind/case-a/previous.md"), markdown_named_json);
  CHECK(report::read_report(markdown_named_json).format == report::ReportFormat::smallmind_enhanced);

  CHECK(report::read_report(test::data_path("smallmind/other-formats/deep-profile-report.md")).format ==
        report::ReportFormat::smallmind_standard);
}

TEST_CASE("the JSON fixtures carry raw samples of every process for every scope") {
  const auto record = report::read_report(test::data_path("compare/json/baseline.json"));
  REQUIRE_FALSE(record.scopes.empty());
  REQUIRE(record.context.has_value());
  const auto repetitions = static_cast<std::size_t>(record.context->settings.repetitions);
  const auto processes = static_cast<std::size_t>(record.context->settings.processes);
  CHECK(processes > 1);
  for (const auto& scope : record.scopes) {
    CHECK(scope.inclusive_ms.size() == repetitions * processes);
    CHECK(scope.process_count() == processes);
  }
}

TEST_CASE("a schema 1 report is read as samples of one process") {
  const auto record = report::read_report(test::data_path("compare/json/single_process.json"));
  REQUIRE_FALSE(record.scopes.empty());
  for (const auto& scope : record.scopes) {
    CHECK(scope.sample_process.empty());
    CHECK(scope.process_count() == 1);
    CHECK(scope.process_medians_ms().size() == 1);
  }
}

TEST_CASE("a JSON array is named as such, not as a markdown report without its table") {
  CHECK_THROWS_WITH(report::parse_report("  [{\"name\": \"x\"}]", "a.json"),
                    Catch::Matchers::Contains("a.json: is a JSON array, not a report"));
}

TEST_CASE("a report without measurements is refused: a JSON scope without samples, or every time 0") {
  using Catch::Matchers::Contains;
  CHECK_THROWS_WITH(report::parse_report("{\"schema_version\": 2, \"scopes\": [{\"name\": \"A\"}, {\"name\": \"B\"}]}",
                                         "names.json"),
                    Contains("names.json: has no measurements for scope `A`: no inclusive_ms samples"));
  // One scope measured is not enough when another has nothing.
  CHECK_THROWS_WITH(report::parse_report("{\"schema_version\": 2, \"scopes\": [{\"name\": \"A\", \"inclusive_ms\": "
                                         "{\"samples\": [1.0]}}, {\"name\": \"B\", \"calls\": 3}]}",
                                         "partial.json"),
                    Contains("partial.json: has no measurements for scope `B`"));
  CHECK_THROWS_WITH(report::parse_report("{\"schema_version\": 2, \"scopes\": [{\"name\": \"A\", \"inclusive_ms\": "
                                         "{\"samples\": [0.0, 0.0]}}]}",
                                         "zero.json"),
                    Contains("zero.json: has no measurements: every scope's time is 0"));

  std::string all_zero = test::read_file(test::data_path("smallmind/case-a/previous.md"));
  const std::size_t table = all_zero.find("| 1 |");
  for (std::size_t row = table; row < all_zero.find("\n\n", table); row = all_zero.find('\n', row) + 1) {
    // | rank | `name` | time | ... : the third cell is the time
    std::size_t start = row;
    for (int bar = 0; bar < 3; ++bar) start = all_zero.find('|', start) + 1;
    const std::size_t end = all_zero.find('|', start);
    all_zero.replace(start, end - start, " 0.00 ");
  }
  CHECK_THROWS_WITH(report::parse_report(all_zero, "zero.md"), Contains("zero.md: has no measurements: every scope's time is 0"));
}

TEST_CASE("a report read from a file knows its file, for messages about figures derived later") {
  const auto path = test::data_path("smallmind/case-a/previous.md");
  CHECK(report::read_report(path).source == path);
}
