#include "report/analysis/significance.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cmath>
#include <numeric>

#include "report/records/stats.hpp"

namespace smp::report {
namespace {

// Scales a median absolute deviation to a standard deviation under normality.
constexpr double kMadToSigma = 1.4826;
// The conventional power a sample-size estimate aims for.
constexpr double kTargetPower = 0.8;
// Asymptotic efficiency of the U test relative to the t test under normal
// noise (3/pi): the U test needs 1/0.955 times the t test's sample size.
constexpr double kRankTestEfficiency = 3.0 / 3.14159265358979323846;

// P(U = u) for u = 0..m*n under the null hypothesis, samples of m and n
// distinct values. Counts arrangements by where the largest value falls:
// f(i, j, u) = f(i, j-1, u-i) [largest from the second sample] + f(i-1, j, u).
std::vector<double> u_distribution(std::size_t m, std::size_t n) {
  using Counts = std::vector<double>;
  std::vector<Counts> previous_row(n + 1, Counts{1.0});  // i = 0: only u = 0
  for (std::size_t i = 1; i <= m; ++i) {
    std::vector<Counts> row(n + 1);
    row[0] = Counts{1.0};
    for (std::size_t j = 1; j <= n; ++j) {
      Counts& counts = row[j];
      counts.assign(i * j + 1, 0.0);
      for (std::size_t u = 0; u < row[j - 1].size(); ++u) counts[u + i] += row[j - 1][u];
      for (std::size_t u = 0; u < previous_row[j].size(); ++u) counts[u] += previous_row[j][u];
    }
    previous_row = std::move(row);
  }
  Counts counts = std::move(previous_row[n]);
  const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
  for (double& count : counts) count /= total;
  return counts;
}

// Cumulative form: cdf[u] = P(U <= u).
std::vector<double> u_cdf(std::size_t m, std::size_t n) {
  std::vector<double> cdf = u_distribution(m, n);
  std::partial_sum(cdf.begin(), cdf.end(), cdf.begin());
  return cdf;
}

double normal_upper_tail(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

std::vector<double> logs(std::span<const double> values) {
  std::vector<double> result(values.size());
  std::transform(values.begin(), values.end(), result.begin(), [](double x) { return std::log(x); });
  return result;
}

bool all_positive(std::span<const double> values) {
  return std::all_of(values.begin(), values.end(), [](double x) { return x > 0.0; });
}

// Smallest n whose exact two-sided test, n values per side, can reach `alpha`:
// the most extreme arrangement has probability 2 / C(2n, n).
std::size_t smallest_reaching(double alpha) {
  for (std::size_t n = 1;; ++n) {
    double arrangements = 1.0;  // C(2n, n)
    for (std::size_t k = 1; k <= n; ++k) arrangements = arrangements * static_cast<double>(n + k) / static_cast<double>(k);
    if (2.0 / arrangements <= alpha) return n;
  }
}

// U without visiting every pair: for each current value, the previous
// values below it count 1 and those equal to it 1/2 (binary searches in the
// sorted previous sample). Every term is a multiple of 1/2, so the sum is
// exact, the same as the pairwise count's.
double pairs_current_larger(std::span<const double> previous, std::span<const double> current) {
  std::vector<double> sorted(previous.begin(), previous.end());
  std::sort(sorted.begin(), sorted.end());
  double u = 0.0;
  for (double y : current) {
    const auto below = std::lower_bound(sorted.begin(), sorted.end(), y);
    const auto not_above = std::upper_bound(below, sorted.end(), y);
    u += static_cast<double>(below - sorted.begin()) + 0.5 * static_cast<double>(not_above - below);
  }
  return u;
}

// How many shifts y - x (x from `previous`, y from `current`, both sorted)
// are at most `limit`: one walk along the staircase where y - x crosses it.
std::size_t shifts_not_above(std::span<const double> previous, std::span<const double> current, double limit) {
  std::size_t count = 0;
  std::size_t j = 0;  // current values [0, j) have y - x <= limit for the x at hand, j growing with x
  for (double x : previous) {
    while (j < current.size() && current[j] - x <= limit) ++j;
    count += j;
  }
  return count;
}

// Doubles as unsigned integers in the same order, so a binary search over
// them visits every double between two bounds.
std::uint64_t ordered_bits(double value) {
  const auto bits = std::bit_cast<std::uint64_t>(value);
  return (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
}

double from_ordered_bits(std::uint64_t key) {
  return std::bit_cast<double>((key >> 63) != 0 ? key & ~(std::uint64_t{1} << 63) : ~key);
}

// The k-th smallest (1-based) of the m*n shifts y - x, without forming them:
// a binary search over the doubles for the least t with k shifts <= t, which
// is itself one of the shifts. 64 halvings of O(m + n) each, for any m, n.
double kth_smallest_shift(std::span<const double> previous, std::span<const double> current, std::size_t k) {
  std::uint64_t low = ordered_bits(current.front() - previous.back());  // the smallest shift
  std::uint64_t high = ordered_bits(current.back() - previous.front());  // the largest
  while (low < high) {
    const std::uint64_t middle = low + (high - low) / 2;
    if (shifts_not_above(previous, current, from_ordered_bits(middle)) >= k) high = middle;
    else low = middle + 1;
  }
  return from_ordered_bits(low) + 0.0;  // + 0.0 turns a -0.0 bound into the shift 0.0 itself
}

}  // namespace

double normal_quantile(double p) {
  // Bisection on the upper tail: monotone, and exact enough for critical values.
  double low = -40.0;
  double high = 40.0;
  for (int step = 0; step < 200; ++step) {
    const double middle = 0.5 * (low + high);
    if (1.0 - normal_upper_tail(middle) < p) low = middle;
    else high = middle;
  }
  return 0.5 * (low + high);
}

RankTest mann_whitney_u(std::span<const double> previous, std::span<const double> current) {
  const std::size_t m = previous.size();
  const std::size_t n = current.size();
  RankTest test;
  if (m == 0 || n == 0) return test;
  test.u = pairs_current_larger(previous, current);

  std::vector<double> pooled(previous.begin(), previous.end());
  pooled.insert(pooled.end(), current.begin(), current.end());
  std::sort(pooled.begin(), pooled.end());
  double tie_term = 0.0;  // sum of t^3 - t over groups of t tied values
  for (std::size_t i = 0; i < pooled.size();) {
    std::size_t j = i;
    while (j < pooled.size() && pooled[j] == pooled[i]) ++j;
    const auto t = static_cast<double>(j - i);
    tie_term += t * t * t - t;
    i = j;
  }

  const auto pairs = static_cast<double>(m * n);
  if (tie_term == 0.0 && m <= kExactRankTestLimit && n <= kExactRankTestLimit) {
    const std::vector<double> cdf = u_cdf(m, n);
    const auto u = static_cast<std::size_t>(test.u);
    const double lower = cdf[u];
    const double upper = 1.0 - (u == 0 ? 0.0 : cdf[u - 1]);
    test.p_value = std::min(1.0, 2.0 * std::min(lower, upper));
    test.exact = true;
    return test;
  }
  const auto total = static_cast<double>(m + n);
  const double variance = pairs / 12.0 * ((total + 1.0) - tie_term / (total * (total - 1.0)));
  if (variance <= 0.0) return test;  // every value equal: no evidence of a change
  const double distance = std::max(0.0, std::fabs(test.u - pairs / 2.0) - 0.5);  // continuity correction
  test.p_value = std::min(1.0, 2.0 * normal_upper_tail(distance / std::sqrt(variance)));
  return test;
}

std::vector<double> holm_adjust(std::span<const double> p_values) {
  const std::size_t count = p_values.size();
  std::vector<std::size_t> order(count);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p_values[a] < p_values[b]; });
  std::vector<double> adjusted(count);
  double running_max = 0.0;
  for (std::size_t rank = 0; rank < count; ++rank) {
    const double scaled = std::min(1.0, static_cast<double>(count - rank) * p_values[order[rank]]);
    running_max = std::max(running_max, scaled);
    adjusted[order[rank]] = running_max;
  }
  return adjusted;
}

std::optional<Interval> ratio_interval(std::span<const double> previous, std::span<const double> current,
                                       double confidence) {
  const std::size_t m = previous.size();
  const std::size_t n = current.size();
  if (m == 0 || n == 0 || !all_positive(previous) || !all_positive(current)) return std::nullopt;
  std::vector<double> log_previous = logs(previous);
  std::vector<double> log_current = logs(current);
  std::sort(log_previous.begin(), log_previous.end());
  std::sort(log_current.begin(), log_current.end());
  const std::size_t shift_count = m * n;

  // Cut k shifts from each end, k the largest with P(U <= k-1) <= (1-confidence)/2.
  const double tail = (1.0 - confidence) / 2.0;
  std::size_t cut = 0;
  if (m <= kExactRankTestLimit && n <= kExactRankTestLimit) {
    const std::vector<double> cdf = u_cdf(m, n);
    while (cut < cdf.size() && cdf[cut] <= tail) ++cut;
  } else {
    const auto pairs = static_cast<double>(m * n);
    const double spread = std::sqrt(pairs * static_cast<double>(m + n + 1) / 12.0);
    cut = static_cast<std::size_t>(std::max(0.0, std::floor(pairs / 2.0 - normal_quantile(1.0 - tail) * spread)));
  }
  if (cut == 0 || 2 * cut > shift_count) return std::nullopt;
  return Interval{std::exp(kth_smallest_shift(log_previous, log_current, cut)),
                  std::exp(kth_smallest_shift(log_previous, log_current, shift_count - cut + 1))};
}

double geometric_mean(std::span<const double> ratios) {
  if (ratios.empty()) return 1.0;
  double log_sum = 0.0;
  for (double ratio : ratios) log_sum += std::log(ratio);
  return std::exp(log_sum / static_cast<double>(ratios.size()));
}

std::size_t repetitions_needed(std::span<const double> previous, std::span<const double> current, double ratio,
                               double alpha) {
  const std::size_t floor_count = smallest_reaching(alpha);
  if (ratio <= 0.0 || ratio == 1.0 || !all_positive(previous) || !all_positive(current)) return floor_count;
  const std::vector<double> log_previous = logs(previous);
  const std::vector<double> log_current = logs(current);
  const double sigma_previous = kMadToSigma * summarise(log_previous).mad;
  const double sigma_current = kMadToSigma * summarise(log_current).mad;
  const double sigma = std::sqrt(0.5 * (sigma_previous * sigma_previous + sigma_current * sigma_current));
  if (sigma == 0.0) return floor_count;
  const double effect = std::fabs(std::log(ratio)) / sigma;
  const double z_sum = normal_quantile(1.0 - alpha / 2.0) + normal_quantile(kTargetPower);
  const double t_test_count = 2.0 * z_sum * z_sum / (effect * effect);
  // A hair's-width change in very noisy samples asks for astronomically many
  // repetitions (or infinitely many, at a tiny alpha); beyond this cap the
  // advice means nothing, and the cast below would be undefined behaviour.
  constexpr double kMostRepetitions = 1e9;
  const double rank_count = std::ceil(t_test_count / kRankTestEfficiency);
  return std::max(floor_count, static_cast<std::size_t>(rank_count < kMostRepetitions ? rank_count : kMostRepetitions));
}

}  // namespace smp::report
