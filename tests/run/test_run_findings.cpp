#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

#include "report/analysis/compare.hpp"
#include "report/analysis/percent_of_peak.hpp"
#include "report/results_dir/findings.hpp"
#include "run_test_support.hpp"

using namespace smp;

namespace {

// Against a 100 GFLOPS / 20 GB/s machine (balance 5 flop/byte), one call per ms:
// 1e7 flop and 1e5 byte in 1 ms is compute-bound at 10 GFLOPS, 10 % of peak;
// 1e3 flop and 1.6e7 byte in 1 ms is memory-bound at 16 GB/s, 80 % of peak.
report::ProfileRecord kernels_profile() {
  return test::sampled_profile({test::sampled_scope("MatMul_64x64", {1.0, 1.0, 1.0}, 1e7, 1e5),
                                test::sampled_scope("TensorAdd_10000", {1.0, 1.0, 1.0}, 1e3, 1.6e7),
                                test::sampled_scope("Model_Small_Inference", {10.0, 10.2, 9.8}, 0.0, 0.0, 1.0),
                                test::sampled_scope("Model_Medium_Inference", {50.0, 51.0, 49.0}, 0.0, 0.0, 5.0)});
}

std::string finding_with(const std::vector<std::string>& findings, const std::string& needle) {
  const auto it = std::find_if(findings.begin(), findings.end(),
                               [&](const std::string& f) { return f.find(needle) != std::string::npos; });
  return it == findings.end() ? std::string() : *it;
}

}  // namespace

TEST_CASE("the peak finding names exactly the scopes below the stated share, with their figures") {
  report::RunResults results;
  results.profile = kernels_profile();
  const std::string peak = finding_with(report::derive_findings(results), "of this machine's measured peak");
  REQUIRE_FALSE(peak.empty());
  CHECK(peak.find("1 of 2 scopes with a work model run below 25%") != std::string::npos);
  CHECK(peak.find("`MatMul_64x64` 10.0% (compute-bound, 10.00 GFLOPS)") != std::string::npos);
  CHECK(peak.find("closest to its peak is `TensorAdd_10000` at 80.0% of the memory peak (16.00 GB/s)") !=
        std::string::npos);
}

TEST_CASE("without a measured peak the finding says so instead of placing scopes") {
  report::RunResults results;
  results.profile = kernels_profile();
  results.profile.context->measured.peak_gflops = 0.0;
  results.profile.context->measured.peak_gbps = 0.0;
  CHECK(report::percent_of_peak(results.profile).empty());
  CHECK_FALSE(finding_with(report::derive_findings(results), "--no-peak").empty());
}

TEST_CASE("the scaling finding sets the time ratio against the parameter ratio") {
  report::RunResults results;
  results.profile = kernels_profile();
  // 3,454,464 / 470,528 = 7.34 parameters; 50 / 10 = 5.00 time: slower than the parameters.
  const std::string scaling = finding_with(report::derive_findings(results), "Small's parameters");
  CHECK(scaling.find("7.34× Small's parameters (3,454,464 vs 470,528)") != std::string::npos);
  CHECK(scaling.find("took 5.00× as long") != std::string::npos);
  CHECK(scaling.find("grew slower than the parameter count") != std::string::npos);

  results.profile.scopes[3] = test::sampled_scope("Model_Medium_Inference", {90.0, 90.0, 90.0});
  const std::string faster = finding_with(report::derive_findings(results), "Small's parameters");
  CHECK(faster.find("took 9.00× as long") != std::string::npos);
  CHECK(faster.find("grew faster than the parameter count") != std::string::npos);
}

TEST_CASE("allocation per token is compared with the baseline's") {
  report::RunResults results;
  results.profile = kernels_profile();
  report::ProfileRecord before = kernels_profile();
  before.scopes[2].alloc_bytes = static_cast<std::uint64_t>(0.8 * 1024 * 1024);  // Small: 0.8 MB before, 1.0 MB now
  results.baseline = report::RunBaseline{"before.json", before, std::nullopt,
                                         report::compare_profiles(before, results.profile, {})};
  const std::vector<std::string> findings = report::derive_findings(results);
  // 1 MiB over 25 tokens is 41943 bytes per token; 0.8 MiB is 33554.
  CHECK(finding_with(findings, "Small's generation").find("41943 bytes of heap per generated token") !=
        std::string::npos);
  CHECK(finding_with(findings, "Small's generation").find("grew by 25.0%") != std::string::npos);
  CHECK(finding_with(findings, "Medium's generation").find("did not change") != std::string::npos);
}

TEST_CASE("the pool finding states the measured reduction from both pool modes") {
  report::RunResults results;
  results.profile = kernels_profile();
  results.alloc = test::alloc_record(6'553'600, 26'214'400);  // 6.25 MB with the pool, 25 MB without
  const std::string pool = finding_with(report::derive_findings(results), "buffer pool");
  CHECK(pool.find("by 75.0% (25.00 MB without it vs 6.25 MB with it over 100 iterations)") != std::string::npos);
}
