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
