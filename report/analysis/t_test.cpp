#include "report/analysis/t_test.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace smp::report {
namespace {

constexpr double kTargetPower = 0.8;

// Continued fraction of the regularised incomplete beta function (modified
// Lentz), converging for x < (a+1)/(a+b+2).
double beta_fraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr double kEpsilon = 1e-15;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 500; ++m) {
    const double m2 = 2.0 * m;
    for (const double numerator : {m * (b - m) * x / ((a + m2 - 1.0) * (a + m2)),
                                   -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0))}) {
      d = 1.0 + numerator * d;
      if (std::fabs(d) < kTiny) d = kTiny;
      c = 1.0 + numerator / c;
      if (std::fabs(c) < kTiny) c = kTiny;
      d = 1.0 / d;
      h *= d * c;
    }
    if (std::fabs(d * c - 1.0) < kEpsilon) break;
  }
  return h;
}

// I_x(a, b), the regularised incomplete beta function.
double incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double log_front = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  if (x < (a + 1.0) / (a + b + 2.0)) return std::exp(log_front) * beta_fraction(a, b, x) / a;
  return 1.0 - std::exp(log_front) * beta_fraction(b, a, 1.0 - x) / b;
}

double mean(std::span<const double> values) {
  return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double variance(std::span<const double> values) {
  const double centre = mean(values);
  double sum = 0.0;
  for (double value : values) sum += (value - centre) * (value - centre);
  return sum / static_cast<double>(values.size() - 1);
}

std::optional<std::vector<double>> logs(std::span<const double> values) {
  std::vector<double> result;
  for (double value : values) {
    if (!(value > 0.0) || !std::isfinite(value)) return std::nullopt;
    result.push_back(std::log(value));
  }
  return result;
}

TTest finish(double log_ratio, double standard_error, double df) {
  TTest test{.log_ratio = log_ratio, .standard_error = standard_error, .df = df};
  if (standard_error > 0.0) {
    const double t = std::fabs(log_ratio) / standard_error;
    test.p_value = std::min(1.0, 2.0 * (1.0 - student_t_cdf(t, df)));
  } else {
    test.p_value = log_ratio == 0.0 ? 1.0 : 0.0;  // no noise at all: any difference is real
  }
  return test;
}

}  // namespace

double student_t_cdf(double t, double df) {
  const double tail = 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t));
  return t >= 0.0 ? 1.0 - tail : tail;
}

double student_t_quantile(double p, double df) {
  // Bisection on the monotone CDF over a bracket that grows until it holds p.
  double low = -1.0;
  double high = 1.0;
  while (student_t_cdf(low, df) > p) low *= 2.0;
  while (student_t_cdf(high, df) < p) high *= 2.0;
  for (int step = 0; step < 200; ++step) {
    const double middle = 0.5 * (low + high);
    (student_t_cdf(middle, df) < p ? low : high) = middle;
  }
  return 0.5 * (low + high);
}

double TTest::ratio() const { return std::exp(log_ratio); }

Interval TTest::ratio_interval(double confidence) const {
  const double half = student_t_quantile(0.5 + confidence / 2.0, df) * standard_error;
  return {std::exp(log_ratio - half), std::exp(log_ratio + half)};
}

double TTest::detectable_ratio(double alpha) const {
  const double reach = student_t_quantile(1.0 - alpha / 2.0, df) + student_t_quantile(kTargetPower, df);
  return std::exp(reach * standard_error);
}

std::optional<TTest> welch_log_test(std::span<const double> previous, std::span<const double> current) {
  if (previous.size() < 2 || current.size() < 2) return std::nullopt;
  const auto before = logs(previous);
  const auto after = logs(current);
  if (!before || !after) return std::nullopt;
  const double share_before = variance(*before) / static_cast<double>(before->size());
  const double share_after = variance(*after) / static_cast<double>(after->size());
  const double squared_error = share_before + share_after;
  // Welch–Satterthwaite; with no noise on either side the df is moot.
  const double df = squared_error > 0.0
                        ? squared_error * squared_error /
                              (share_before * share_before / static_cast<double>(before->size() - 1) +
                               share_after * share_after / static_cast<double>(after->size() - 1))
                        : static_cast<double>(before->size() + after->size() - 2);
  return finish(mean(*after) - mean(*before), std::sqrt(squared_error), df);
}

std::optional<TTest> trimmed_paired_test(std::span<const double> differences) {
  if (differences.size() < 2) return std::nullopt;
  const std::size_t pairs = differences.size();
  const auto trimmed = static_cast<std::size_t>(std::floor(kPairedTrim * static_cast<double>(pairs)));
  std::vector<double> sorted(differences.begin(), differences.end());
  std::sort(sorted.begin(), sorted.end());
  const double low = sorted[trimmed];
  const double high = sorted[pairs - trimmed - 1];
  const std::span<const double> kept(sorted.data() + trimmed, pairs - 2 * trimmed);
  std::vector<double> winsorized(pairs);
  std::transform(differences.begin(), differences.end(), winsorized.begin(),
                 [&](double difference) { return std::clamp(difference, low, high); });
  const double trim_share = trimmed == 0 ? 0.0 : kPairedTrim;
  const double standard_error =
      std::sqrt(variance(winsorized)) / ((1.0 - 2.0 * trim_share) * std::sqrt(static_cast<double>(pairs)));
  return finish(mean(kept), standard_error, planning_df(ReplicationDesign::paired_rounds, pairs));
}

double planning_df(ReplicationDesign design, std::size_t units) {
  const double n = static_cast<double>(units);
  if (design == ReplicationDesign::processes) return 2.0 * n - 2.0;
  return n - 2.0 * std::floor(kPairedTrim * n) - 1.0;
}

double critical_t(double alpha, std::size_t tests, double df) {
  const double level = alpha / static_cast<double>(std::max<std::size_t>(tests, 1));
  return student_t_quantile(1.0 - level / 2.0, std::max(df, 1.0));
}

std::size_t units_needed(const TTest& test, ReplicationDesign design, std::size_t units, double ratio, double alpha) {
  const double effect = std::fabs(std::log(ratio));
  // The noise of one unit, from the standard error of `units` of them.
  const double unit_noise = test.standard_error * std::sqrt(static_cast<double>(units));
  if (effect == 0.0) return kMostUnits;
  for (std::size_t n = 2; n < kMostUnits; n = n < 64 ? n + 1 : n * 2) {
    const double df = std::max(1.0, planning_df(design, n));
    const double reach = student_t_quantile(1.0 - alpha / 2.0, df) + student_t_quantile(kTargetPower, df);
    if (reach * unit_noise / std::sqrt(static_cast<double>(n)) <= effect) return n;
  }
  return kMostUnits;
}

}  // namespace smp::report
