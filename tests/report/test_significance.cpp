#include <algorithm>
#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "report/analysis/significance.hpp"
#include "report_test_support.hpp"

using namespace smp;

namespace {

// The gate's default level, and the spread of the synthetic timings (a quiet
// machine: +-3 % around the true time).
constexpr double kAlpha = 0.01;
constexpr double kNoise = 0.03;
constexpr double kShift = 1.2;  // a 20 % slowdown
constexpr std::size_t kSamples = 10;

double binomial(unsigned n, unsigned k) {
  double result = 1.0;
  for (unsigned i = 1; i <= k; ++i) result = result * (n - k + i) / i;
  return result;
}

std::vector<double> scaled(std::vector<double> samples, double factor) {
  for (double& sample : samples) sample *= factor;
  return samples;
}

}  // namespace

TEST_CASE("an A/A pair is not flagged") {
  const auto previous = test::noisy_samples(5.0, kSamples, kNoise, 11);
  const auto current = test::noisy_samples(5.0, kSamples, kNoise, 12);
  const auto test = report::mann_whitney_u(previous, current);
  CHECK(test.exact);
  CHECK(test.p_value > kAlpha);
  const auto interval = report::ratio_interval(previous, current, 1.0 - kAlpha);
  REQUIRE(interval.has_value());
  CHECK(interval->low < 1.0);
  CHECK(interval->high > 1.0);
}

TEST_CASE("a 20 % shift with 10 samples each is flagged") {
  const auto previous = test::noisy_samples(5.0, kSamples, kNoise, 21);
  const auto current = scaled(test::noisy_samples(5.0, kSamples, kNoise, 22), kShift);
  const auto test = report::mann_whitney_u(previous, current);
  CHECK(test.p_value < kAlpha);
  const auto interval = report::ratio_interval(previous, current, 1.0 - kAlpha);
  REQUIRE(interval.has_value());
  CHECK(interval->low > 1.0);
  CHECK(interval->low < kShift);
  CHECK(interval->high > kShift);
}

TEST_CASE("the exact U test gives the probability of the most extreme arrangement") {
  // Fully separated samples of 3 and 3: two of the C(6,3) arrangements are this extreme.
  const std::vector<double> previous{1.0, 2.0, 3.0};
  const std::vector<double> current{4.0, 5.0, 6.0};
  const auto test = report::mann_whitney_u(previous, current);
  CHECK(test.exact);
  CHECK(test.u == 9.0);
  CHECK(test.p_value == Approx(2.0 / binomial(6, 3)));
  // Too few samples for a 99 % interval: none rather than a misleading one.
  CHECK_FALSE(report::ratio_interval(previous, current, 1.0 - kAlpha).has_value());
}

TEST_CASE("the normal approximation agrees with the exact test where both apply") {
  // Ties force the normal approximation; a tie-free twin keeps the exact path.
  auto previous = test::noisy_samples(5.0, 30, kNoise, 31);
  auto current = scaled(test::noisy_samples(5.0, 30, kNoise, 32), 1.01);
  const auto exact = report::mann_whitney_u(previous, current);
  current.push_back(previous.front());
  previous.push_back(previous.front());
  const auto approximate = report::mann_whitney_u(previous, current);
  CHECK(exact.exact);
  CHECK_FALSE(approximate.exact);
  // One tied pair added to 30 per side moves the p-value only slightly.
  constexpr double kAgreement = 0.05;
  CHECK(approximate.p_value == Approx(exact.p_value).margin(kAgreement));
}

TEST_CASE("large samples use the normal approximation and still detect a shift") {
  const std::size_t count = report::kExactRankTestLimit + 10;
  const auto previous = test::noisy_samples(5.0, count, kNoise, 41);
  const auto current = scaled(test::noisy_samples(5.0, count, kNoise, 42), kShift);
  const auto test = report::mann_whitney_u(previous, current);
  CHECK_FALSE(test.exact);
  CHECK(test.p_value < kAlpha);
  const auto interval = report::ratio_interval(previous, current, 1.0 - kAlpha);
  REQUIRE(interval.has_value());
  CHECK(interval->low < kShift);
  CHECK(interval->high > kShift);
}

TEST_CASE("identical values give no evidence of a change") {
  const std::vector<double> same(5, 2.0);
  CHECK(report::mann_whitney_u(same, same).p_value == 1.0);
}

TEST_CASE("Holm's adjustment multiplies the k-th smallest p-value by m-k+1 and keeps the order monotone") {
  const std::vector<double> p{0.01, 0.04, 0.03, 0.005};
  const auto adjusted = report::holm_adjust(p);
  REQUIRE(adjusted.size() == p.size());
  CHECK(adjusted[3] == Approx(4 * 0.005));
  CHECK(adjusted[0] == Approx(3 * 0.01));
  CHECK(adjusted[2] == Approx(2 * 0.03));
  CHECK(adjusted[1] == Approx(adjusted[2]));  // 1 * 0.04 is raised to the running maximum
  for (std::size_t i = 0; i < p.size(); ++i) CHECK(adjusted[i] >= p[i]);
}

TEST_CASE("the geometric mean of ratios cancels opposite changes") {
  CHECK(report::geometric_mean(std::vector<double>{2.0, 0.5}) == Approx(1.0));
  CHECK(report::geometric_mean(std::vector<double>{4.0, 1.0}) == Approx(2.0));
}

TEST_CASE("the repetitions needed grow with noise and never fall below what the exact test can reach") {
  const auto quiet = test::noisy_samples(5.0, 3, kNoise, 51);
  const auto noisy = test::noisy_samples(5.0, 3, 10 * kNoise, 52);
  const std::size_t for_quiet = report::repetitions_needed(quiet, scaled(quiet, kShift), kShift, kAlpha);
  const std::size_t for_noisy = report::repetitions_needed(noisy, scaled(noisy, kShift), kShift, kAlpha);
  CHECK(for_noisy > for_quiet);
  // The floor: the smallest n per side with 2 / C(2n, n) <= alpha.
  const std::vector<double> constant(3, 5.0);
  const std::size_t floor_count = report::repetitions_needed(constant, scaled(constant, kShift), kShift, kAlpha);
  CHECK(2.0 / binomial(static_cast<unsigned>(2 * floor_count), static_cast<unsigned>(floor_count)) <= kAlpha);
  CHECK(2.0 / binomial(static_cast<unsigned>(2 * floor_count - 2), static_cast<unsigned>(floor_count - 1)) > kAlpha);
  CHECK(for_quiet >= floor_count);
}

TEST_CASE("normal_quantile inverts the standard normal distribution") {
  CHECK(report::normal_quantile(0.5) == Approx(0.0).margin(1e-9));
  for (double p : {0.001, 0.05, 0.8, 0.995}) {
    const double z = report::normal_quantile(p);
    CHECK(0.5 * std::erfc(-z / std::sqrt(2.0)) == Approx(p));
  }
}

// With --threshold 0, a change of 1e-10 between samples spread over 600
// orders of magnitude asked for about 10^27 repetitions, and converting that
// to an integer was undefined behaviour.
TEST_CASE("the repetitions needed stay bounded for a tiny change in extreme noise") {
  const std::vector<double> previous{1e-300, 1.0, 1e300};
  const std::vector<double> current{1e-300, 1.0 + 1e-10, 1e300};
  CHECK(report::repetitions_needed(previous, current, 1.0 + 1e-10, kAlpha) == 1'000'000'000);
}
