#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "report/common/errors.hpp"
#include "report/io/input_limits.hpp"
#include "report/formats/profile_json.hpp"
#include "report/records/stats.hpp"
#include "report_test_support.hpp"

using namespace smp;
using Catch::Matchers::Contains;

namespace {

report::ProfileRecord measured_record() {
  report::ProfileRecord record;
  record.format = report::ReportFormat::smallmind_prof_json;
  record.generated = "2026-02-05 10:00:00";
  report::RunContext environment;
  environment.machine.cpu_model = "Test CPU";
  environment.machine.build_type = "Release";
  environment.machine.build_commit = "0123456789abcdef0123456789abcdef01234567";
  environment.machine.build_dirty = true;
  environment.settings.threads = 2;
  environment.measured.peak_gflops = 229.9;
  environment.measured.peak_gflops_spread = 0.03;
  environment.measured.peak_gflops_after = 223.5;
  record.context = environment;

  report::ScopeRecord outer = test::timed_scope("Outer", 0.0, 1.5);
  outer.inclusive_ms = test::noisy_samples(10.0, 7, 0.05, 1);
  outer.self_ms = test::noisy_samples(2.0, 7, 0.05, 2);
  outer.alloc_bytes = 1572864;
  outer.alloc_count = 12;
  outer.free_count = 11;
  report::ScopeRecord inner = test::timed_scope("Inner", 0.0);
  inner.parents = {"Outer"};
  inner.calls = 3;
  inner.inclusive_ms = test::noisy_samples(8.0, 7, 0.05, 3);
  inner.flops_per_call = 2.0e6;
  inner.bytes_per_call = 3.0e5;
  record.scopes = {outer, inner};
  return record;
}

nlohmann::json valid_document() { return nlohmann::json::parse(report::profile_to_json(measured_record())); }

}  // namespace

TEST_CASE("our JSON profile round-trips every recorded field") {
  const report::ProfileRecord original = measured_record();
  const report::ProfileRecord read = report::profile_from_json(report::profile_to_json(original), "p.json");
  CHECK(read.format == report::ReportFormat::smallmind_prof_json);
  CHECK(read.generated == original.generated);
  REQUIRE(read.context.has_value());
  CHECK(read.context->machine.cpu_model == original.context->machine.cpu_model);
  CHECK(read.context->settings.threads == original.context->settings.threads);
  CHECK(read.context->machine.build_commit == original.context->machine.build_commit);
  CHECK(read.context->machine.build_dirty == original.context->machine.build_dirty);
  CHECK(read.context->measured.peak_gflops == original.context->measured.peak_gflops);
  CHECK(read.context->measured.peak_gflops_spread == original.context->measured.peak_gflops_spread);
  CHECK(read.context->measured.peak_gflops_after == original.context->measured.peak_gflops_after);
  REQUIRE(read.scopes.size() == original.scopes.size());
  for (std::size_t i = 0; i < original.scopes.size(); ++i) {
    const auto& a = original.scopes[i];
    const auto& b = read.scopes[i];
    CHECK(b.name == a.name);
    CHECK(b.parents == a.parents);
    CHECK(b.calls == a.calls);
    CHECK(b.time_ms() == a.time_ms());
    CHECK(b.avg_ms() == a.avg_ms());
    CHECK(b.inclusive_ms == a.inclusive_ms);
    CHECK(b.self_ms == a.self_ms);
    CHECK(b.alloc_mb() == a.alloc_mb());
    CHECK(b.alloc_bytes == a.alloc_bytes);
    CHECK(b.alloc_count == a.alloc_count);
    CHECK(b.free_count == a.free_count);
    CHECK(b.flops_per_call == a.flops_per_call);
    CHECK(b.bytes_per_call == a.bytes_per_call);
  }
}

TEST_CASE("the JSON profile carries its schema version, summaries and derived rates") {
  const report::ProfileRecord record = measured_record();
  const nlohmann::json document = valid_document();
  CHECK(document.at("schema_version") == report::kProfileSchemaVersion);
  const auto& outer = document.at("scopes").at(0);
  const report::Summary summary = report::summarise(record.scopes[0].inclusive_ms);
  CHECK(outer.at("inclusive_ms").at("median").get<double>() == summary.median);
  CHECK(outer.at("inclusive_ms").at("mad").get<double>() == summary.mad);
  CHECK(outer.at("inclusive_ms").at("min").get<double>() == summary.min);
  CHECK(outer.at("inclusive_ms").at("max").get<double>() == summary.max);
  const auto& inner = document.at("scopes").at(1);
  const auto& scope = record.scopes[1];
  const double seconds = scope.time_ms() / 1e3;
  CHECK(inner.at("gflops").get<double>() ==
        Approx(scope.flops_per_call * static_cast<double>(scope.calls) / seconds / 1e9));
  CHECK(inner.at("gbps").get<double>() ==
        Approx(scope.bytes_per_call * static_cast<double>(scope.calls) / seconds / 1e9));
}

TEST_CASE("invalid JSON profiles are refused with the field that is wrong") {
  auto document = valid_document();
  SECTION("not JSON") {
    CHECK_THROWS_WITH(report::profile_from_json("{ \"schema_version\": ", "p.json"),
                      Contains("p.json") && Contains("invalid JSON"));
  }
  SECTION("another schema version") {
    document["schema_version"] = report::kProfileSchemaVersion + 1;
    CHECK_THROWS_WITH(report::profile_from_json(document.dump(), "p.json"), Contains("schema_version"));
  }
  SECTION("a negative sample") {
    document["scopes"][0]["inclusive_ms"]["samples"][1] = -1.0;
    CHECK_THROWS_WITH(report::profile_from_json(document.dump(), "p.json"),
                      Contains("$.scopes[0].inclusive_ms.samples[1] is negative"));
  }
  SECTION("a sample that is not a number (NaN is written as null)") {
    document["scopes"][1]["self_ms"]["samples"][0] = "fast";
    CHECK_THROWS_WITH(report::profile_from_json(document.dump(), "p.json"),
                      Contains("$.scopes[1].self_ms.samples[0] is not a number"));
  }
  SECTION("a repeated scope name") {
    document["scopes"][1]["name"] = document["scopes"][0]["name"];
    CHECK_THROWS_WITH(report::profile_from_json(document.dump(), "p.json"), Contains("repeats the scope name"));
  }
  SECTION("a context field of the wrong type") {
    document["context"]["threads"] = "four";
    CHECK_THROWS_WITH(report::profile_from_json(document.dump(), "p.json"),
                      Contains("p.json: invalid JSON report: $.context.threads is not an integer of at least 0"));
  }
  SECTION("a count too large for its field") {
    document["context"]["models"] = nlohmann::json::parse(R"([{"name": "small", "vocab": 1e300}])");
    CHECK_THROWS_WITH(report::profile_from_json(document.dump(), "p.json"),
                      Contains("$.context.models[0].vocab is not an integer of at least 0"));
  }
  SECTION("no scopes") {
    document["scopes"] = nlohmann::json::array();
    CHECK_THROWS_WITH(report::profile_from_json(document.dump(), "p.json"), Contains("no scopes"));
  }
}

namespace {

// A JSON array of one more `element` than the documented limit allows.
std::string array_over_limit(const std::string& element) {
  std::string array = "[" + element;
  for (std::size_t i = 0; i < report::kMaxReportRows; ++i) array += "," + element;
  return array + "]";
}

}  // namespace

TEST_CASE("every array of a JSON profile is held to the documented limit") {
  CHECK_THROWS_WITH(report::profile_from_json("{\"schema_version\": 1, \"scopes\": " + array_over_limit("0") + "}", "p.json"),
                    Contains("100001 scopes, over the limit of 100000"));
  CHECK_THROWS_WITH(report::profile_from_json("{\"schema_version\": 1, \"scopes\": [{\"name\": \"s\", \"inclusive_ms\": "
                                              "{\"samples\": " + array_over_limit("1") + "}}]}",
                                              "p.json"),
                    Contains("$.scopes[0].inclusive_ms.samples has 100001 samples, over the limit of 100000"));
  CHECK_THROWS_WITH(report::profile_from_json("{\"schema_version\": 1, \"scopes\": [{\"name\": \"s\"}], \"context\": "
                                              "{\"models\": " + array_over_limit("{}") + "}}",
                                              "p.json"),
                    Contains("$.context.models has 100001 entries, over the limit of 100000"));
}

TEST_CASE("a schema 2 profile's comma-joined parent reads as the list of parents") {
  const report::ProfileRecord read = report::profile_from_json(
      R"({"schema_version": 2, "scopes": [{"name": "Top", "parent": ""}, {"name": "Iteration", "parent": "A,B"}]})",
      "old.json");
  CHECK(read.scopes[0].is_top_level());
  CHECK(read.scopes[1].parents == std::vector<std::string>{"A", "B"});
}

TEST_CASE("a schema 3 profile's parents must be a list of names") {
  CHECK_THROWS_WITH(
      report::profile_from_json(R"({"schema_version": 3, "scopes": [{"name": "s", "parents": "A,B"}]})", "p.json"),
      Contains("$.scopes[0].parents is not an array"));
  CHECK_THROWS_WITH(
      report::profile_from_json(R"({"schema_version": 3, "scopes": [{"name": "s", "parents": [1]}]})", "p.json"),
      Contains("$.scopes[0].parents[0] is not a string"));
}
