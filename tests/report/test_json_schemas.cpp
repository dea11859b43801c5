// The JSON Schema files shipped in report/formats/schemas describe what the
// writers write: each writer's output is checked against its schema, and
// the check itself is shown to catch the changes the schema versions record.
#include <filesystem>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "json_schema_check.hpp"
#include "report/analysis/compare.hpp"
#include "report/formats/alloc_json.hpp"
#include "report/formats/comparison_json.hpp"
#include "report/formats/profile_json.hpp"
#include "report_test_support.hpp"
#include "tests/alloc/fake_alloc_record.hpp"

using namespace smp;

namespace {

// The source tree: tests/data/'s grandparent.
std::filesystem::path source_root() { return test::data_path("x").parent_path().parent_path().parent_path(); }

nlohmann::json schema_file(const std::string& name) {
  const std::filesystem::path path = source_root() / "report/formats/schemas" / name;
  return nlohmann::json::parse(test::read_file(path));
}

test::SchemaCheck schema(const std::string& name) {
  return test::SchemaCheck(schema_file(name), {{"context.schema.json", schema_file("context.schema.json")}});
}

report::ProfileRecord measured_profile(double scale) {
  report::ProfileRecord record;
  record.format = report::ReportFormat::smallmind_prof_json;
  record.generated = "2026-02-05T10:00:00+01:00";
  record.context = report::RunContext{};
  record.context->machine.build_commit = "0123456789abcdef0123456789abcdef01234567";
  record.context->machine.build_dirty = false;
  record.context->measured.load_avg = {0.5, 0.25, 0.125};
  for (const char* name : {"Outer", "Inner"}) {
    report::ScopeRecord scope = test::timed_scope(name, 0.0);
    scope.calls = 2;
    for (unsigned process = 0; process < 3; ++process) {
      for (double sample : test::noisy_samples(10.0 * scale, 2, 0.02, process + 1)) {
        scope.inclusive_ms.push_back(sample);
        scope.self_ms.push_back(sample / 2.0);
        scope.sample_process.push_back(process);
      }
    }
    scope.alloc_bytes = 4096;
    scope.alloc_count = 4;
    record.scopes.push_back(scope);
  }
  record.scopes[1].parents = {"Outer"};
  return record;
}

}  // namespace

TEST_CASE("the profile JSON is valid against profile.schema.json") {
  const auto document = nlohmann::json::parse(report::profile_to_json(measured_profile(1.0)));
  CHECK(schema("profile.schema.json").problem(document) == std::nullopt);
}

TEST_CASE("the allocation JSON is valid against allocation.schema.json") {
  const auto document = nlohmann::json::parse(report::alloc_to_json(test::fake_record()));
  CHECK(schema("allocation.schema.json").problem(document) == std::nullopt);
}

TEST_CASE("the comparison JSON is valid against comparison.schema.json") {
  const report::ComparisonRecord comparison =
      report::compare_profiles(measured_profile(1.0), measured_profile(1.3), report::GateOptions{});
  const auto document = nlohmann::json::parse(report::comparison_to_json(comparison));
  CHECK(schema("comparison.schema.json").problem(document) == std::nullopt);
  // Every golden comparison, from every gate path, as well.
  const std::filesystem::path golden = source_root() / "tests/golden/expected";
  for (const auto& entry : std::filesystem::directory_iterator(golden)) {
    const std::filesystem::path file = entry.path() / "out.json";
    if (!std::filesystem::exists(file)) continue;
    INFO(file.string());
    CHECK(schema("comparison.schema.json").problem(nlohmann::json::parse(test::read_file(file))) == std::nullopt);
  }
}

TEST_CASE("the schemas refuse what an older schema version or a broken writer would write") {
  auto document = nlohmann::json::parse(report::profile_to_json(measured_profile(1.0)));
  const test::SchemaCheck profile = schema("profile.schema.json");
  auto comma_joined = document;
  comma_joined["scopes"][1].erase("parents");
  comma_joined["scopes"][1]["parents"] = "Outer,Other";
  CHECK(profile.problem(comma_joined) == "$.scopes[1].parents is not of type \"array\"");
  auto older = document;
  older["schema_version"] = 2;
  CHECK(profile.problem(older) == "$.schema_version is not 3");
  auto no_commit = document;
  no_commit["context"].erase("build_commit");
  CHECK(profile.problem(no_commit) == "$.context.build_commit is missing");
  auto negative = document;
  negative["scopes"][0]["alloc_bytes"] = -1;
  CHECK(profile.problem(negative) == "$.scopes[0].alloc_bytes is below 0");
}
