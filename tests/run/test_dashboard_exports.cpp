// Each export checked by the rules of the tool that reads it, re-implemented
// here from their published sources and documentation:
// - google/benchmark tools/gbench/report.py: benchmarks are partitioned by
//   name, the time unit taken from the first entry carrying time_unit,
//   real_time and cpu_time; the table prints times with "{:14.0f}".
// - github-action-benchmark (src/extract.ts, src/write/findAlerts.ts): a
//   customSmallerIsBetter entry is {name, value, unit, range?, extra?}; an
//   alert fires when current / previous of the same name exceeds the
//   threshold (default 200 %); `googlecpp` takes every benchmark row as an
//   entry named by `name` with real_time as its value.
// - Bencher's bmf.json schema (draft-07): an object of benchmarks, each an
//   object of measures, each {value, lower_value?, upper_value?} numbers;
//   measure slugs are at most 64 characters.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "report/exports/bencher_export.hpp"
#include "report/exports/gbench_export.hpp"
#include "report/exports/github_benchmark_export.hpp"
#include "report/exports/per_call.hpp"
#include "run_test_support.hpp"
#include "tests/report/json_schema_check.hpp"

using namespace smp;
using nlohmann::json;

namespace {

constexpr double kNsPerMs = 1e6;
constexpr double kAlertThreshold = 2.0;  // github-action-benchmark's default alert-threshold, 200 %

// Two runs of one build: the same scopes, calls and allocations, times
// moved by noise (`shift`), as two identical builds measure them.
report::ProfileRecord profile(double shift = 0.0) {
  report::ScopeRecord matmul = test::sampled_scope("MatMul_64x64", {0.05 + shift, 0.07, 0.06, 0.065});
  matmul.alloc_bytes = 3 * 4096;
  matmul.alloc_count = 3;
  report::ScopeRecord forward = test::sampled_scope("Model \"Small\" Forward", {10.0, 12.0 - shift, 11.0, 11.5});
  forward.calls = 25;
  forward.parents = {"Model_Small_Inference"};
  forward.alloc_bytes = 25 * 1000;
  forward.alloc_count = 25 * 2;
  report::ScopeRecord idle = test::sampled_scope("Idle", {0.001, 0.001, 0.002, 0.001});
  report::RunContext context = test::peak_environment(100.0, 20.0);
  context.machine.caches = {"L1d 48K", "L2 2048K", "L3 107520K"};
  context.machine.cores = 4;
  context.machine.mhz_per_cpu = 2600;
  context.machine.tool_version = "0.1.0";
  context.measured.load_avg = {1.5, 1.25, 1.0};
  context.settings.threads = 1;
  report::ProfileRecord record = test::sampled_profile({matmul, forward, idle}, context);
  record.generated = "2026-02-05T10:00:00+01:00";
  return record;
}

// report.py's partition_benchmarks: per name, the entries sharing the first
// comparable entry's time unit.
std::map<std::string, std::vector<json>> gbench_partitions(const json& document) {
  std::map<std::string, std::vector<json>> partitions;
  std::map<std::string, std::string> units;
  for (const json& entry : document.at("benchmarks")) {
    const std::string name = entry.at("name");
    const bool comparable = entry.contains("time_unit") && entry.contains("real_time") && entry.contains("cpu_time");
    if (comparable && !units.contains(name)) units[name] = entry.at("time_unit");
  }
  for (const json& entry : document.at("benchmarks")) {
    const std::string name = entry.at("name");
    if (units.contains(name) && entry.at("time_unit") == units[name]) partitions[name].push_back(entry);
  }
  return partitions;
}

// findAlerts for a smaller-is-better tool.
std::size_t alerts(const json& previous, const json& current) {
  std::size_t count = 0;
  for (const json& entry : current) {
    const auto before = std::find_if(previous.begin(), previous.end(),
                                     [&](const json& p) { return p.at("name") == entry.at("name"); });
    if (before == previous.end()) continue;
    const double ratio = entry.at("value").get<double>() / before->at("value").get<double>();
    if (ratio > kAlertThreshold) ++count;  // NaN (0 / 0) is no alert, as in JavaScript
  }
  return count;
}

// The action's BenchmarkResult, as a schema.
const json kCustomBenchmarkSchema = json::parse(R"({
  "type": "array",
  "items": {"type": "object", "required": ["name", "value", "unit"],
            "properties": {"name": {"type": "string"}, "value": {"type": "number"}, "unit": {"type": "string"},
                           "range": {"type": "string"}, "extra": {"type": "string"}}}})");

// Bencher's bmf.json, the same rules.
const json kBmfSchema = json::parse(R"({
  "type": "object",
  "patternProperties": {".+": {
    "type": "object",
    "patternProperties": {".+": {
      "type": "object", "required": ["value"],
      "properties": {"value": {"type": "number"}, "lower_value": {"type": "number"}, "upper_value": {"type": "number"}}}}}}})");

}  // namespace

TEST_CASE("compare.py reads the Google Benchmark export in ns, every time a printable figure, cpu_time said to be wall time") {
  const report::ProfileRecord record = profile();
  const json document = json::parse(report::profile_to_gbench_json(record));
  const auto partitions = gbench_partitions(document);
  for (const report::ScopeRecord& scope : record.scopes) {
    REQUIRE(partitions.contains(scope.name));
    const auto& runs = partitions.at(scope.name);
    REQUIRE(runs.size() == scope.inclusive_ms.size());
    for (std::size_t r = 0; r < runs.size(); ++r) {
      CHECK(runs[r].at("time_unit") == "ns");
      CHECK(runs[r].at("iterations") == scope.calls);
      const double per_call_ns = scope.inclusive_ms[r] * kNsPerMs / static_cast<double>(scope.calls);
      CHECK(runs[r].at("real_time").get<double>() == Approx(per_call_ns));
      // "{:14.0f}": a scope of 1 µs reads 1000, not 0.
      CHECK(std::round(runs[r].at("real_time").get<double>()) >= 1.0);
      CHECK(runs[r].at("cpu_time") == runs[r].at("real_time"));
    }
    const auto& cv = partitions.at(scope.name + "_cv");
    REQUIRE(cv.size() == 1);
    CHECK(cv[0].at("aggregate_unit") == "percentage");
    CHECK(cv[0].at("real_time").get<double>() > 0.0);
    CHECK(cv[0].at("real_time").get<double>() < 1.0);  // a fraction, as Google Benchmark writes it
  }
  const json& context = document.at("context");
  CHECK(context.at("json_schema_version") == 1);
  CHECK(context.at("library_version") == "0.1.0");
  CHECK(context.at("date") == record.generated);
  CHECK(context.at("mhz_per_cpu") == 2600);
  CHECK(context.at("load_avg") == json::array({1.5, 1.25, 1.0}));
  CHECK(context.at("num_cpus") == 4);
  CHECK(context.at("cpu_time").get<std::string>().starts_with("wall time"));
  CHECK_FALSE(context.contains("cpu_scaling_enabled"));  // unknown in the record, so not claimed
  REQUIRE(context.at("caches").size() == 3);
  CHECK(context.at("caches")[0] == json{{"type", "Data"}, {"level", 1}, {"size", 48 * 1024}});
  CHECK(context.at("caches")[2] == json{{"type", "Unified"}, {"level", 3}, {"size", 107520LL * 1024}});
}

TEST_CASE("the Google Benchmark context says whether the CPU scales its frequency only when the machine told") {
  for (const bool scaling : {true, false}) {
    report::ProfileRecord record = profile();
    record.context->machine.cpu_scaling_enabled = scaling;
    const json context = json::parse(report::profile_to_gbench_json(record)).at("context");
    REQUIRE(context.contains("cpu_scaling_enabled"));
    CHECK(context.at("cpu_scaling_enabled").is_boolean());
    CHECK(context.at("cpu_scaling_enabled") == scaling);
  }
}

TEST_CASE("the github-action-benchmark export fits the action's schema, names each series once, and adds allocations") {
  const report::ProfileRecord record = profile();
  const json document = json::parse(report::profile_to_github_benchmark_json(record));
  CHECK(test::SchemaCheck(kCustomBenchmarkSchema).problem(document) == std::nullopt);
  std::set<std::string> names;
  for (const json& entry : document) CHECK(names.insert(entry.at("name").get<std::string>()).second);
  REQUIRE(document.size() == 3 * record.scopes.size());
  for (const report::ScopeRecord& scope : record.scopes) {
    const report::PerCall figures = report::per_call(scope);
    const auto named = [&](const std::string& name) {
      return *std::find_if(document.begin(), document.end(), [&](const json& e) { return e.at("name") == name; });
    };
    const json time = named(scope.name);
    CHECK(time.at("unit") == "ns");
    CHECK(time.at("value").get<double>() == Approx(scope.time_ms() * kNsPerMs / static_cast<double>(scope.calls)));
    CHECK(time.at("range").get<std::string>().starts_with("± "));
    CHECK(named(scope.name + " heap bytes").at("value").get<double>() == Approx(figures.heap_bytes));
    CHECK(named(scope.name + " heap allocations").at("value").get<double>() == Approx(figures.heap_allocations));
  }
}

TEST_CASE("two identical builds raise no github-action-benchmark alert through the recommended export") {
  const json first = json::parse(report::profile_to_github_benchmark_json(profile()));
  const json second = json::parse(report::profile_to_github_benchmark_json(profile(0.004)));
  CHECK(alerts(first, second) == 0);
  CHECK(alerts(second, first) == 0);
  // The rule itself: a scope twice as slow and more does alert.
  json slowed = second;
  slowed[0]["value"] = first[0]["value"].get<double>() * 2.5;
  CHECK(alerts(first, slowed) == 1);
}

TEST_CASE("the Google Benchmark export is not for the action's googlecpp reader: its repetitions share a name") {
  const json document = json::parse(report::profile_to_gbench_json(profile()));
  std::map<std::string, int> rows;
  for (const json& entry : document.at("benchmarks")) ++rows[entry.at("name").get<std::string>()];
  CHECK(rows.at("MatMul_64x64") == 4);
  CHECK(rows.contains("MatMul_64x64_stddev"));  // read as a time by googlecpp: why the README points to the github export
}

TEST_CASE("the Bencher export fits bmf.json, with latency in ns per call bounded by the fastest and slowest repetition") {
  const report::ProfileRecord record = profile();
  const json document = json::parse(report::profile_to_bencher_json(record));
  CHECK(test::SchemaCheck(kBmfSchema).problem(document) == std::nullopt);
  REQUIRE(document.size() == record.scopes.size());
  for (const report::ScopeRecord& scope : record.scopes) {
    const report::PerCall figures = report::per_call(scope);
    const json& measures = document.at(scope.name);
    for (const auto& [slug, measure] : measures.items()) CHECK(slug.size() <= 64);
    const json& latency = measures.at("latency");
    CHECK(latency.at("value").get<double>() == Approx(figures.median_ns));
    CHECK(latency.at("lower_value").get<double>() <= latency.at("value").get<double>());
    CHECK(latency.at("upper_value").get<double>() >= latency.at("value").get<double>());
    CHECK(latency.at("lower_value").get<double>() ==
          Approx(*std::min_element(scope.inclusive_ms.begin(), scope.inclusive_ms.end()) * kNsPerMs /
                 static_cast<double>(scope.calls)));
    CHECK(measures.at(report::kBencherHeapBytesMeasure).at("value").get<double>() == Approx(figures.heap_bytes));
    CHECK(measures.at(report::kBencherHeapAllocationsMeasure).at("value").get<double>() ==
          Approx(figures.heap_allocations));
  }
}

TEST_CASE("a profile parsed from markdown exports its single time without invented bounds, spread or bytes") {
  report::ProfileRecord record;
  report::ScopeRecord scope;
  scope.name = "GELU_1000";
  scope.printed_time_ms = 2.5;
  scope.calls = 1;
  record.scopes = {scope};
  const json bencher = json::parse(report::profile_to_bencher_json(record));
  CHECK(bencher.at("GELU_1000").at("latency").at("value").get<double>() == Approx(2.5 * kNsPerMs));
  CHECK_FALSE(bencher.at("GELU_1000").at("latency").contains("lower_value"));
  CHECK_FALSE(bencher.at("GELU_1000").contains(report::kBencherHeapBytesMeasure));
  const json github = json::parse(report::profile_to_github_benchmark_json(record));
  REQUIRE(github.size() == 1);
  CHECK_FALSE(github.at(0).contains("range"));
  const json gbench = json::parse(report::profile_to_gbench_json(record));
  CHECK(gbench.at("benchmarks").size() == 1);  // one run, no aggregates from a single value
}
