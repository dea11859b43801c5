#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "report/analysis/compare.hpp"
#include "report/formats/comparison_json.hpp"
#include "report/formats/render_comparison.hpp"
#include "report_test_support.hpp"
#include "report/formats/render_summary.hpp"

using namespace smp;

TEST_CASE("the comparison JSON is versioned and holds every compared method, null where a figure is n/a") {
  const auto previous = test::markdown_record({test::timed_scope("A", 0.0), test::timed_scope("B", 4.0)});
  const auto current = test::markdown_record({test::timed_scope("A", 2.0), test::timed_scope("B", 5.0)});
  const auto record = report::compare_profiles(previous, current, report::GateOptions{});
  const auto document = nlohmann::json::parse(report::comparison_to_json(record));
  CHECK(document.at("schema_version") == report::kComparisonSchemaVersion);
  const auto& methods = document.at("smallmind").at("methods");
  REQUIRE(methods.size() == record.smallmind.scopes.size());
  for (std::size_t i = 0; i < methods.size(); ++i) {
    const auto& method = record.smallmind.scopes[i];
    CHECK(methods[i].at("name") == method.name);
    CHECK(methods[i].at("delta_ms").get<double>() == method.delta_ms);
    CHECK(methods[i].at("change_pct").is_null() == !method.change_pct.has_value());
  }
  CHECK(document.at("gate").at("verdict_line") == report::render_verdict_line(record));
  CHECK(document.at("gate").at("method") == "threshold_rule");
}
