#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "report/analysis/compare.hpp"
#include "report/io/input_file.hpp"
#include "report/formats/read_report.hpp"
#include "report/formats/render_comparison.hpp"
#include "report_test_support.hpp"
#include "report/formats/render_summary.hpp"

using namespace smp;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// SmallMind rounds its GFLOPS to 0.005; four times that, plus our own rounding.
constexpr double kGflopsRoundingSlack = 4 * 0.005 + 0.005;

std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> result;
  std::size_t start = 1;
  while (start < row.size()) {
    const std::size_t bar = row.find('|', start);
    if (bar == std::string::npos) break;
    std::string cell = row.substr(start, bar - start);
    cell.erase(0, cell.find_first_not_of(' '));
    cell.erase(cell.find_last_not_of(' ') + 1);
    result.push_back(cell);
    start = bar + 1;
  }
  return result;
}

report::ComparisonRecord compare_case(const std::string& name, report::ProfileRecord& previous,
                                      report::ProfileRecord& current) {
  previous = report::read_report(test::data_path("smallmind/" + name + "/previous.md"));
  current = report::read_report(test::data_path("smallmind/" + name + "/current.md"));
  return report::compare_profiles(previous, current, report::GateOptions{});
}

}  // namespace

TEST_CASE("SmallMind's comparisons are reproduced line for line, except the three deliberate differences") {
  const std::string name = GENERATE(as<std::string>{}, "case-a", "case-b");
  CAPTURE(name);
  report::ProfileRecord previous;
  report::ProfileRecord current;
  const auto record = compare_case(name, previous, current);
  const auto ours = test::lines_of(report::render_comparison_markdown(record));
  const auto theirs = test::lines_of(test::read_file(test::data_path("smallmind/" + name + "/expected-comparison.md")));
  REQUIRE(ours.size() > theirs.size());

  bool in_simd = false;
  std::size_t simd_rows = 0;
  for (std::size_t i = 0; i < theirs.size(); ++i) {
    CAPTURE(i, theirs[i], ours[i]);
    if (theirs[i].starts_with("### SIMD Operation Performance")) in_simd = true;
    if (theirs[i].starts_with("**Previous Run:**")) {
      // Difference 1: each report's own Generated stamp, not the comparison's clock.
      CHECK(ours[i] == "**Previous Run:** " + previous.generated);
    } else if (theirs[i].starts_with("**Current Run:**")) {
      CHECK(ours[i] == "**Current Run:** " + current.generated);
    } else if (in_simd && theirs[i].starts_with("| `MatMul_")) {
      // Difference 3: per-call GFLOPS, four times SmallMind's; every other cell equal.
      const auto our_cells = cells(ours[i]);
      const auto their_cells = cells(theirs[i]);
      REQUIRE(our_cells.size() == their_cells.size());
      for (std::size_t c = 0; c + 1 < their_cells.size(); ++c) CHECK(our_cells[c] == their_cells[c]);
      CHECK(std::fabs(std::stod(our_cells.back()) - 4.0 * std::stod(their_cells.back())) <= kGflopsRoundingSlack);
      ++simd_rows;
    } else {
      CHECK(ours[i] == theirs[i]);
    }
  }
  CHECK(simd_rows == record.smallmind.simd.size());
  // The footnote explaining the GFLOPS difference sits right below the table.
  CHECK_THAT(ours[theirs.size()], StartsWith("*GFLOPS per call"));
}

TEST_CASE("a STABLE verdict prints the real signed percentage") {
  // Difference 2: SmallMind printed a literal "(+F1%)" here.
  const auto previous = test::markdown_record({test::timed_scope("A", 100.0)});
  const auto current = test::markdown_record({test::timed_scope("A", 106.0)});
  const auto markdown = report::render_smallmind_sections(report::compare_smallmind(previous, current));
  CHECK_THAT(markdown, Contains("\n➡️ **STABLE**: Performance remained within 10% tolerance (+6.0%)\n"));
  CHECK_THAT(markdown, !Contains("F1"));

  const auto faster = test::markdown_record({test::timed_scope("A", 97.0)});
  CHECK_THAT(report::render_smallmind_sections(report::compare_smallmind(previous, faster)), Contains("tolerance (-3.0%)"));
}

TEST_CASE("a previous time of 0 prints n/a, never inf or NaN") {
  const auto previous = test::markdown_record({test::timed_scope("Model_Small_Inference", 0.0),
                                               test::timed_scope("Model_Medium_Inference", 0.0),
                                               test::timed_scope("MatMul_128x128", 0.0)});
  const auto current = test::markdown_record({test::timed_scope("Model_Small_Inference", 0.0),
                                              test::timed_scope("Model_Medium_Inference", 3.0),
                                              test::timed_scope("MatMul_128x128", 0.0)});
  const auto markdown = report::render_smallmind_sections(report::compare_smallmind(previous, current));
  CHECK_THAT(markdown, Contains("| `Model_Medium_Inference` | 0.00 | 3.00 | +3.00 | n/a |"));
  CHECK_THAT(markdown, Contains("(n/a)"));
  for (const char* bad : {"inf", "nan", "NaN"}) CHECK_THAT(markdown, !Contains(bad));
}

TEST_CASE("top-10 sections are omitted when they would be empty, as SmallMind does") {
  const auto previous = test::markdown_record({test::timed_scope("A", 100.0), test::timed_scope("B", 10.0)});
  const auto slower = test::markdown_record({test::timed_scope("A", 150.0), test::timed_scope("B", 10.0)});
  const auto markdown = report::render_smallmind_sections(report::compare_smallmind(previous, slower));
  CHECK_THAT(markdown, !Contains("Top 10 Improvements"));
  CHECK_THAT(markdown, Contains("## ⚠️ Top 10 Regressions"));
  // Without model scopes the model heading stays, its subsections go.
  CHECK_THAT(markdown, Contains("## 🔬 Model Size Comparison\n\n### SIMD Operation Performance"));
}

TEST_CASE("our sections follow SmallMind's and carry the gate verdict") {
  report::ProfileRecord previous;
  report::ProfileRecord current;
  const auto record = compare_case("case-a", previous, current);
  const auto markdown = report::render_comparison_markdown(record);
  const auto gate = markdown.find("## 🚦 Regression Gate");
  REQUIRE(gate != std::string::npos);
  CHECK(gate > markdown.find("### SIMD Operation Performance"));
  CHECK_THAT(markdown.substr(gate), Contains(report::render_verdict_line(record)));
  CHECK_THAT(report::render_verdict_line(record), StartsWith("REGRESSION"));
  CHECK(report::render_verdict_line(record).find('\n') == std::string::npos);
}

TEST_CASE("the job summary names the verdict and the worst offenders") {
  report::ProfileRecord previous;
  report::ProfileRecord current;
  const auto record = compare_case("case-b", previous, current);
  const auto summary = report::render_job_summary(record);
  CHECK_THAT(summary, StartsWith("### ❌ smallmind-prof compare: REGRESSION"));
  CHECK_THAT(summary, Contains("**Worst offenders**"));
  // Case b's largest relative slowdown is among them.
  CHECK_THAT(summary, Contains("| `MatMul_512x512` | 119.89 | 414.73 | +245.9% |"));
}

TEST_CASE("our sections give the gate's reason and say whether SmallMind's verdict agrees with it") {
  const auto previous = test::markdown_record({test::timed_scope("A", 100.0, 100.0), test::timed_scope("B", 100.0)});
  const auto current = test::markdown_record({test::timed_scope("A", 130.0, 11.0), test::timed_scope("B", 100.0)});
  const auto agreeing = report::render_comparison_markdown(report::compare_profiles(previous, current, {}));
  CHECK_THAT(agreeing, Contains("- **The gate's verdict:** REGRESSION, because the common methods' total runtime "
                                "changed by +15.0%, beyond +10.0%."));
  CHECK_THAT(agreeing, Contains("Here the two verdicts agree."));

  report::GateOptions lenient;
  lenient.threshold_pct = 20.0;
  const auto differing = report::render_comparison_markdown(report::compare_profiles(previous, current, lenient));
  CHECK_THAT(differing, Contains("⚠️ **REGRESSED**: Overall performance degraded by 15.0%"));  // SmallMind's words stay
  CHECK_THAT(differing, Contains("PASS, because the common methods' total runtime changed by +15.0%, not beyond +20.0%"));
  CHECK_THAT(differing, Contains("Here they differ (REGRESSED against PASS)"));
  // An 89 % allocation drop says so, instead of "within threshold".
  CHECK_THAT(differing, Contains("| `A` | 100.00 | 11.00 | ✅ Shrank: MB -89.0% |"));
}

TEST_CASE("scopes in one report only are listed with their treatment, and SmallMind's totals say they are left out") {
  const auto previous = test::markdown_record({test::timed_scope("A", 100.0), test::timed_scope("Gone", 50.0)});
  const auto current = test::markdown_record({test::timed_scope("A", 100.0), test::timed_scope("New", 70.0)});
  const auto markdown = report::render_comparison_markdown(report::compare_profiles(previous, current, {}));
  CHECK_THAT(markdown, Contains("| **Total Runtime** | 100.00 ms | 100.00 ms | +0.00 ms | +0.0% |"));
  CHECK_THAT(markdown, Contains("*Totals are over the methods both reports hold (1); the 2 in one report only"));
  CHECK_THAT(markdown, Contains("### Scopes in One Report Only\n\n| Scope | Only in |\n|-------|---------|\n"
                                "| `Gone` | PREV |\n| `New` | CURR |\n"));
  CHECK_THAT(markdown, Contains("- **Scopes in one report only:** 1 only in PREV, 1 only in CURR (listed below); not gated"));
  report::GateOptions strict;
  strict.fail_on_missing = true;
  const auto record = report::compare_profiles(previous, current, strict);
  CHECK_THAT(report::render_comparison_markdown(record), Contains("❌ they fail the gate (--fail-on missing)"));
  CHECK_THAT(report::render_verdict_line(record), StartsWith("REGRESSION: "));
  CHECK_THAT(report::render_verdict_line(record), Contains("2 scope(s) in one report only (--fail-on missing)"));
}
