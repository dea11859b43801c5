// The rank statistics avoid visiting every (previous, current) pair; these
// compare them with the pairwise definitions on small samples, ties included.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include <catch2/catch.hpp>

#include "report/analysis/significance.hpp"

using namespace smp;

namespace {

double pairwise_u(const std::vector<double>& previous, const std::vector<double>& current) {
  double u = 0.0;
  for (double x : previous) {
    for (double y : current) u += y > x ? 1.0 : y == x ? 0.5 : 0.0;
  }
  return u;
}

// Every shift of log timings, sorted: the interval's bounds are two of them.
std::vector<double> sorted_shifts(const std::vector<double>& previous, const std::vector<double>& current) {
  std::vector<double> shifts;
  for (double x : previous) {
    for (double y : current) shifts.push_back(std::log(y) - std::log(x));
  }
  std::sort(shifts.begin(), shifts.end());
  return shifts;
}

// Timings on a coarse grid when `coarse`, so that ties are common.
std::vector<double> timings(std::size_t count, std::uint32_t seed, double scale, bool coarse) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> spread(0.9, 1.1);
  std::vector<double> values(count);
  for (double& value : values) {
    value = scale * spread(generator);
    if (coarse) value = std::round(value * 20.0) / 20.0;
  }
  return values;
}

}  // namespace

TEST_CASE("U and the ratio interval equal their pairwise definitions") {
  const auto [m, n, coarse] = GENERATE(table<std::size_t, std::size_t, bool>(
      {{3, 3, false}, {5, 8, true}, {10, 10, false}, {12, 7, true}, {60, 40, false}, {80, 90, true}}));
  for (std::uint32_t seed = 1; seed <= 5; ++seed) {
    const std::vector<double> previous = timings(m, seed, 1.0, coarse);
    const std::vector<double> current = timings(n, seed + 100, 1.05, coarse);
    CHECK(report::mann_whitney_u(previous, current).u == pairwise_u(previous, current));

    const auto interval = report::ratio_interval(previous, current, 0.95);
    if (!interval) continue;
    const std::vector<double> shifts = sorted_shifts(previous, current);
    // Both bounds are shifts, the same number k cut from each end.
    bool symmetric_cut = false;
    for (std::size_t k = 0; 2 * k < shifts.size(); ++k) {
      symmetric_cut = symmetric_cut || (std::exp(shifts[k]) == interval->low &&
                                        std::exp(shifts[shifts.size() - 1 - k]) == interval->high);
    }
    INFO("m=" << m << " n=" << n << " seed=" << seed);
    CHECK(symmetric_cut);
  }
}

TEST_CASE("the rank statistics of 100,000 samples a side are computed") {
  const std::vector<double> previous = timings(100'000, 7, 1.0, false);
  const std::vector<double> current = timings(100'000, 8, 1.2, false);
  CHECK(report::mann_whitney_u(previous, current).p_value < 1e-6);
  const auto interval = report::ratio_interval(previous, current, 0.95);
  REQUIRE(interval);
  CHECK(interval->low < 1.2);
  CHECK(interval->high > 1.2);
}
