#pragma once
// Student's t tests on log timings, for comparisons whose unit of replication
// is a process (JMH's forks): each unit contributes one value, the log of its
// median, and the test asks whether the units of two sides differ. Logs make
// the change a ratio and tame the right skew of timings. Two forms:
//  - Welch's test for two independent groups (two separately run reports);
//  - a one-sample test on paired differences (ab's interleaved rounds, where
//    pairing removes the machine's drift from the comparison; a round's
//    value is its own log change, not a side's median), on their 20 %
//    trimmed mean: a round that a burst of the host's load hit on one side
//    only is an outlier among the differences, and one such round inflates
//    a plain t test's standard error for every scope it touched.
#include <cstddef>
#include <optional>
#include <span>

#include "report/records/interval.hpp"

namespace smp::report {

// P(T <= t) for Student's t with `df` degrees of freedom (df > 0).
double student_t_cdf(double t, double df);
// t such that P(T <= t) = p, 0 < p < 1.
double student_t_quantile(double p, double df);

struct TTest {
  double log_ratio = 0.0;   // mean log change: current over previous
  double standard_error = 0.0;
  double df = 0.0;
  double p_value = 1.0;     // two-sided
  double ratio() const;     // exp(log_ratio)
  // The ratio's confidence interval at `confidence`.
  Interval ratio_interval(double confidence) const;
  // The smallest change, as a ratio above 1, that a two-sided test at `alpha`
  // detects with 80 % power at this standard error and df.
  double detectable_ratio(double alpha) const;
};

// Welch's test of mean(log current) - mean(log previous); needs at least two
// positive values a side. Empty otherwise.
std::optional<TTest> welch_log_test(std::span<const double> previous, std::span<const double> current);

// The share of the paired differences trimmed from each end.
inline constexpr double kPairedTrim = 0.2;

// Tukey and McLaughlin's trimmed t test of the 20 % trimmed mean of paired
// differences (a log change per round, report/analysis/round_changes.hpp):
// its standard error is the winsorized standard deviation over
// (1 - 2 * 0.2) * sqrt(n), its df n - 2g - 1 with g = floor(0.2 n) pairs
// trimmed from each end (with fewer than 5 pairs nothing is trimmed: the
// paired t test). Needs at least two pairs; empty otherwise.
std::optional<TTest> trimmed_paired_test(std::span<const double> differences);

// How the units of a comparison are replicated.
enum class ReplicationDesign { processes, paired_rounds };

// The degrees of freedom a design of `units` a side plans with: 2n - 2 for
// Welch's test of n processes a side at equal noise; the trimmed test's
// n - 2g - 1 for n paired rounds.
double planning_df(ReplicationDesign design, std::size_t units);

// What a design can reach before anything is measured: the |t| a change
// must exceed, in units of its standard error, to be significant under Holm
// across `tests` scopes at `alpha` with `df` degrees of freedom.
double critical_t(double alpha, std::size_t tests, double df);

// Units per side (processes, or rounds when paired) with which `test`'s noise
// would let a two-sided test at `alpha` detect `ratio` with 80 % power; at
// most kMostUnits, where the advice stops meaning anything.
inline constexpr std::size_t kMostUnits = 1'000'000;
std::size_t units_needed(const TTest& test, ReplicationDesign design, std::size_t units, double ratio, double alpha);

}  // namespace smp::report
