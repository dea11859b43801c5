#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "report/exports/bencher_export.hpp"
#include "report/exports/github_benchmark_export.hpp"
#include "report/records/stats.hpp"
#include "run_test_support.hpp"

using namespace smp;

namespace {

constexpr double kNsPerMs = 1e6;

report::ProfileRecord profile() {
  return test::sampled_profile({test::sampled_scope("MatMul_64x64", {0.5, 0.7, 0.6}),
                                test::sampled_scope("Model \"Small\"", {10.0, 12.0, 11.0}, 0.0, 0.0, 2.0)});
}

}  // namespace

TEST_CASE("the github-action-benchmark export has one entry per scope with its median time in ms") {
  const report::ProfileRecord record = profile();
  const auto document = nlohmann::json::parse(report::profile_to_github_benchmark_json(record));
  REQUIRE(document.is_array());
  REQUIRE(document.size() == record.scopes.size());
  for (std::size_t i = 0; i < record.scopes.size(); ++i) {
    CHECK(document[i].at("name") == record.scopes[i].name);
    CHECK(document[i].at("unit") == "ms");
    CHECK(document[i].at("value").get<double>() == record.scopes[i].time_ms());
    CHECK(document[i].at("range").get<std::string>().starts_with("± "));
  }
}

TEST_CASE("the Bencher export has every scope's latency in ns, bounded by its fastest and slowest repetition") {
  const report::ProfileRecord record = profile();
  const auto document = nlohmann::json::parse(report::profile_to_bencher_json(record));
  REQUIRE(document.size() == record.scopes.size());
  for (const report::ScopeRecord& scope : record.scopes) {
    const report::Summary summary = report::summarise(scope.inclusive_ms);
    const auto& measures = document.at(scope.name);
    CHECK(measures.at("latency").at("value").get<double>() == Approx(scope.time_ms() * kNsPerMs));
    CHECK(measures.at("latency").at("lower_value").get<double>() == Approx(summary.min * kNsPerMs));
    CHECK(measures.at("latency").at("upper_value").get<double>() == Approx(summary.max * kNsPerMs));
    CHECK(measures.at("heap-bytes").at("value").get<std::uint64_t>() == scope.alloc_bytes);
  }
}

TEST_CASE("a profile parsed from markdown exports its single time without invented bounds or bytes") {
  report::ProfileRecord record;
  report::ScopeRecord scope;
  scope.name = "GELU_1000";
  scope.printed_time_ms = 2.5;
  scope.calls = 1;
  record.scopes = {scope};
  const auto bencher = nlohmann::json::parse(report::profile_to_bencher_json(record));
  CHECK(bencher.at("GELU_1000").at("latency").at("value").get<double>() == Approx(2.5 * kNsPerMs));
  CHECK_FALSE(bencher.at("GELU_1000").at("latency").contains("lower_value"));
  CHECK_FALSE(bencher.at("GELU_1000").contains("heap-bytes"));
  const auto github = nlohmann::json::parse(report::profile_to_github_benchmark_json(record));
  CHECK_FALSE(github.at(0).contains("range"));
}
