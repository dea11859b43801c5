#include <catch2/catch.hpp>

#include "fake_alloc_record.hpp"
#include "report/analysis/alloc_analysis.hpp"

using smp::report::alloc_verdict;
using smp::report::AllocVerdict;
using smp::report::analyse_allocations;
using smp::test::fake_matmul;
using smp::test::fake_training;

TEST_CASE("SmallMind's expected bytes without pooling", "[alloc][analysis]") {
  const auto matmul = analyse_allocations(fake_matmul(0, 1));
  CHECK(matmul.expected_bytes_per_iteration == 256 * 1024);         // 256.00 KB
  CHECK(matmul.expected_total_bytes == 25ull * 1024 * 1024);         // 25.00 MB over 100 iterations
  const auto training = analyse_allocations(fake_training(0, 1));
  CHECK(training.expected_bytes_per_iteration == 4ull * (32 * 256 + 256 * 256 + 256 * 32) * 4);
  CHECK(training.expected_total_bytes == 125ull * 1024 * 1024 / 2);  // 62.50 MB over 50 steps
}

TEST_CASE("reductions come from the measured runs and from SmallMind's formula", "[alloc][analysis]") {
  // Pool on 5 MiB against a measured 20 MiB without it, and SmallMind's 25 MiB estimate.
  const auto analysis = analyse_allocations(fake_matmul(5ull << 20, 20ull << 20));
  REQUIRE(analysis.measured_reduction_percent);
  REQUIRE(analysis.formula_reduction_percent);
  CHECK(*analysis.measured_reduction_percent == Approx(75.0));
  CHECK(*analysis.formula_reduction_percent == Approx(80.0));
  // The verdict follows the measured figure: 75 % is good, although the formula's 80 % is at the edge.
  CHECK(analysis.verdict_from_measured);
  CHECK(analysis.verdict == AllocVerdict::good);
}

TEST_CASE("verdict thresholds are SmallMind's: above 80 % excellent and above 50 % good", "[alloc][analysis]") {
  CHECK(alloc_verdict(100.0) == AllocVerdict::excellent);
  CHECK(alloc_verdict(80.1) == AllocVerdict::excellent);
  CHECK(alloc_verdict(80.0) == AllocVerdict::good);
  CHECK(alloc_verdict(50.1) == AllocVerdict::good);
  CHECK(alloc_verdict(50.0) == AllocVerdict::lower_than_expected);
  CHECK(alloc_verdict(-10.0) == AllocVerdict::lower_than_expected);
}

TEST_CASE("a single pool mode leaves out what it cannot support", "[alloc][analysis]") {
  auto only_on = fake_matmul(0, 1);
  only_on.runs.pop_back();
  const auto on = analyse_allocations(only_on);
  CHECK_FALSE(on.measured_reduction_percent);
  REQUIRE(on.formula_reduction_percent);
  CHECK(*on.formula_reduction_percent == Approx(100.0));
  CHECK_FALSE(on.verdict_from_measured);
  CHECK(on.verdict == AllocVerdict::excellent);

  auto only_off = fake_matmul(0, 1);
  only_off.runs.erase(only_off.runs.begin());
  const auto off = analyse_allocations(only_off);
  CHECK_FALSE(off.measured_reduction_percent);
  CHECK_FALSE(off.formula_reduction_percent);
  CHECK_FALSE(off.verdict);
}

TEST_CASE("times and throughput are medians over repetitions", "[alloc][analysis]") {
  const auto training = fake_training(0, 1);
  const auto& on = training.runs[0];
  CHECK(smp::report::total_ms(on).median == Approx(40.0));
  CHECK(smp::report::ms_per_iteration(on, training.iterations).median == Approx(0.8));
  // 50 steps × 32 samples in 40 ms.
  CHECK(smp::report::samples_per_second(on, training.iterations, training.batch) == Approx(40'000.0));
  const auto matmul = fake_matmul(0, 1);
  const auto per_iteration = smp::report::ms_per_iteration(matmul.runs[0], matmul.iterations);
  CHECK(per_iteration.median == Approx(0.11));
  CHECK(per_iteration.min == Approx(0.10));
  CHECK(per_iteration.max == Approx(0.12));
}
