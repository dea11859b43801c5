#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

#include "report/analysis/significance.hpp"
#include "report/analysis/t_test.hpp"

using namespace smp;

// Reference values from scipy.stats 1.10 (t.cdf, t.ppf, ttest_ind with
// equal_var=False and ttest_rel, both on the logs of the values).

TEST_CASE("Student's t distribution matches scipy") {
  CHECK(report::student_t_cdf(2.0, 5.0) == Approx(0.9490302605850709).epsilon(1e-12));
  CHECK(report::student_t_cdf(-3.5, 2.5) == Approx(0.026172773480160158).epsilon(1e-10));
  CHECK(report::student_t_cdf(1.0, 1.0) == Approx(0.75).epsilon(1e-12));  // Cauchy
  CHECK(report::student_t_cdf(0.0, 7.0) == Approx(0.5));
  CHECK(report::student_t_quantile(0.975, 9.0) == Approx(2.2621571627409915).epsilon(1e-10));
  CHECK(report::student_t_quantile(0.995, 4.0) == Approx(4.604094871415897).epsilon(1e-10));
  CHECK(report::student_t_quantile(1.0 - 0.0005 / 2.0, 8.3) == Approx(5.507973282386472).epsilon(1e-9));
  CHECK(report::student_t_quantile(0.025, 9.0) == Approx(-2.2621571627409915).epsilon(1e-10));
}

TEST_CASE("Welch's test on log medians of processes matches scipy") {
  const std::vector<double> previous{10.0, 10.4, 9.8, 10.1, 10.3};
  const std::vector<double> current{11.0, 11.3, 10.9, 11.4, 11.1};
  const auto test = report::welch_log_test(previous, current);
  REQUIRE(test);
  CHECK(test->ratio() == Approx(1.100883819552798).epsilon(1e-12));
  CHECK(test->df == Approx(7.580076056186992).epsilon(1e-10));
  CHECK(test->log_ratio / test->standard_error == Approx(7.147175518161307).epsilon(1e-10));
  CHECK(test->p_value == Approx(0.00012681940699027288).epsilon(1e-7));
  const report::Interval interval = test->ratio_interval(0.99);
  CHECK(interval.low == Approx(1.051539213050196).epsilon(1e-9));
  CHECK(interval.high == Approx(1.1525439746917967).epsilon(1e-9));
}

// Reference values: Tukey and McLaughlin's formulas evaluated at 30 digits
// (mpmath's regularised incomplete beta for the p-value).
TEST_CASE("the trimmed paired test on interleaved rounds matches its formulas") {
  struct Reference {
    const char* what;
    std::vector<double> base, candidate;
    double df, ratio, t, p;
  };
  const std::vector<Reference> references{
      // The +39 % round moves the estimate no more than any other round beyond the trim.
      {"10 rounds, one disturbed: 2 pairs trimmed from each end",
       {10.0, 10.4, 9.8, 10.1, 10.3, 10.2, 9.9, 10.0, 10.6, 10.1},
       {10.5, 10.8, 10.2, 10.7, 10.9, 10.6, 10.4, 13.9, 11.0, 10.5},
       5.0, 1.046375121369912, 10.415307944253048, 0.00014059754097538265},
      {"4 rounds: nothing trimmed, the paired t test",
       {10.0, 10.4, 9.8, 10.1},
       {10.5, 10.8, 10.2, 10.7},
       3.0, 1.0471383222423184, 10.111446911665555, 0.0020603763942393053}};
  for (const Reference& reference : references) {
    INFO(reference.what);
    std::vector<double> differences;
    for (std::size_t i = 0; i < reference.base.size(); ++i) {
      differences.push_back(std::log(reference.candidate[i] / reference.base[i]));
    }
    const auto test = report::trimmed_paired_test(differences);
    REQUIRE(test);
    CHECK(test->df == reference.df);
    CHECK(test->ratio() == Approx(reference.ratio).epsilon(1e-12));
    CHECK(test->log_ratio / test->standard_error == Approx(reference.t).epsilon(1e-10));
    CHECK(test->p_value == Approx(reference.p).epsilon(1e-7));
  }
}

TEST_CASE("the designs plan with their tests' degrees of freedom") {
  CHECK(report::planning_df(report::ReplicationDesign::processes, 10) == 18.0);
  CHECK(report::planning_df(report::ReplicationDesign::paired_rounds, 4) == 3.0);
  CHECK(report::planning_df(report::ReplicationDesign::paired_rounds, 10) == 5.0);
  CHECK(report::planning_df(report::ReplicationDesign::paired_rounds, 40) == 23.0);
}

TEST_CASE("a test needs two units a side (two pairs) and positive times") {
  const std::vector<double> one{1.0};
  const std::vector<double> two{1.0, 1.1};
  const std::vector<double> three{1.0, 1.1, 1.2};
  const std::vector<double> with_zero{1.0, 0.0};
  CHECK_FALSE(report::welch_log_test(one, two));
  CHECK_FALSE(report::welch_log_test(two, with_zero));
  CHECK_FALSE(report::trimmed_paired_test(std::vector<double>{0.1}));
  CHECK(report::trimmed_paired_test(std::vector<double>{0.1, 0.2}));
  CHECK(report::welch_log_test(two, three));
}

TEST_CASE("identical units show no change; noiseless different units a certain one") {
  const std::vector<double> same{2.0, 2.0, 2.0};
  const std::vector<double> doubled{4.0, 4.0, 4.0};
  CHECK(report::welch_log_test(same, same)->p_value == 1.0);
  CHECK(report::welch_log_test(same, doubled)->p_value == 0.0);
  CHECK(report::welch_log_test(same, doubled)->ratio() == Approx(2.0));
}

TEST_CASE("the detectable change shrinks with more units and the units needed grow with noise") {
  const std::vector<double> quiet_a{10.0, 10.1, 9.9, 10.05, 9.95};
  const std::vector<double> quiet_b{10.02, 10.08, 9.93, 10.0, 9.97};
  const std::vector<double> noisy_a{10.0, 11.0, 9.0, 10.5, 9.5};
  const std::vector<double> noisy_b{10.2, 10.8, 9.3, 10.0, 9.7};
  const auto quiet = report::welch_log_test(quiet_a, quiet_b);
  const auto noisy = report::welch_log_test(noisy_a, noisy_b);
  CHECK(quiet->detectable_ratio(0.01) < noisy->detectable_ratio(0.01));
  const auto processes = report::ReplicationDesign::processes;
  CHECK(report::units_needed(*quiet, processes, 5, 1.05, 0.01) < report::units_needed(*noisy, processes, 5, 1.05, 0.01));
  // A change far below the noise asks for the most units the advice gives.
  CHECK(report::units_needed(*noisy, processes, 5, 1.0 + 1e-9, 0.01) == report::kMostUnits);
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
