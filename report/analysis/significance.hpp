#pragma once
// Statistics for deciding whether a change in repeated timings is real:
// the Mann–Whitney U rank test (no normality assumed: timings are skewed),
// Holm's correction across scopes, a Hodges–Lehmann confidence interval for
// the ratio of two timings, and the sample size a test would need.
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "report/records/interval.hpp"

namespace smp::report {

struct RankTest {
  double u = 0.0;        // pairs (previous, current) with current larger; ties count one half
  double p_value = 1.0;  // two-sided
  bool exact = false;    // from the exact null distribution, not the normal approximation
};

// Exact when both samples have at most kExactRankTestLimit values and no ties.
inline constexpr std::size_t kExactRankTestLimit = 50;
RankTest mann_whitney_u(std::span<const double> previous, std::span<const double> current);

// Holm's step-down adjusted p-values, in the order given.
std::vector<double> holm_adjust(std::span<const double> p_values);

// Confidence interval for current/previous as a ratio: the Hodges–Lehmann
// interval of the shift between log timings, exponentiated. It is built from
// the same pairwise comparisons as the U test, so the two agree. Nothing when
// a sample is not positive or the samples are too few for `confidence`.
std::optional<Interval> ratio_interval(std::span<const double> previous, std::span<const double> current,
                                       double confidence);

// exp(mean(log x)); every value must be positive.
double geometric_mean(std::span<const double> ratios);

// Repetitions per side with which a U test at level `alpha` would detect a
// change of `ratio` against the samples' spread (80 % power), and never fewer
// than the smallest count whose exact test can reach `alpha` at all; at most
// 10^9, where the advice stops meaning anything.
std::size_t repetitions_needed(std::span<const double> previous, std::span<const double> current, double ratio,
                               double alpha);

// z such that P(Z <= z) = p for a standard normal Z, 0 < p < 1.
double normal_quantile(double p);

}  // namespace smp::report
