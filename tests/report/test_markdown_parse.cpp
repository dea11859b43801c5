#include <string>

#include <catch2/catch.hpp>

#include "report/common/errors.hpp"
#include "report/io/input_file.hpp"
#include "report/io/input_limits.hpp"
#include "report/formats/markdown_parse.hpp"
#include "report/formats/markdown_write.hpp"
#include "report_test_support.hpp"
#include "tests/named_record.hpp"

using namespace smp;
using Catch::Matchers::Contains;

namespace {

report::ProfileRecord parse_fixture(std::string_view relative) {
  const auto path = test::data_path(relative);
  return report::parse_markdown_report(report::read_text_input(path), path);
}

const report::ScopeRecord& scope_named(const report::ProfileRecord& record, std::string_view name) {
  return test::named(record.scopes, name);
}

}  // namespace

TEST_CASE("the enhanced report's hot-paths rows are parsed in file order") {
  const auto record = parse_fixture("smallmind/case-a/previous.md");
  CHECK(record.format == report::ReportFormat::smallmind_enhanced);
  CHECK(record.generated == "2026-02-03 23:06:46");
  // The file's Methods Profiled line says 29; the allocators table below the
  // hot paths must not add rows.
  REQUIRE(record.scopes.size() == 29);
  // | 1 | `Model_Medium_Inference` | 1201.28 | 1 | 1201.279 | 729.97 |
  const auto& first = record.scopes.front();
  CHECK(first.name == "Model_Medium_Inference");
  CHECK(first.time_ms() == 1201.28);
  CHECK(first.calls == 1);
  CHECK(first.avg_ms() == 1201.279);
  CHECK(first.alloc_mb() == 729.97);
  // | 8 | `MatMul_Iteration` | 148.10 | 12 | 12.341 | 0.00 |
  CHECK(record.scopes[7].name == "MatMul_Iteration");
  CHECK(record.scopes[7].calls == 12);
  CHECK(record.scopes.back().name == "Softmax_512");
}

TEST_CASE("the older standard and deep reports are parsed, allocations from their own table") {
  const auto deep = parse_fixture("smallmind/other-formats/deep-profile-report.md");
  CHECK(deep.format == report::ReportFormat::smallmind_standard);
  CHECK(deep.generated == "2026-02-02 15:33:49");
  REQUIRE(deep.scopes.size() == 8);
  // | 1 | `Inference` | 25161.172 | 97.65% | 3 | 8387.057 | 7909.923 | 9337.022 |
  const auto& inference = scope_named(deep, "Inference");
  CHECK(inference.time_ms() == 25161.172);
  CHECK(inference.calls == 3);
  CHECK(inference.avg_ms() == 8387.057);
  CHECK(inference.min_call_ms == 7909.923);
  CHECK(inference.max_call_ms == 9337.022);
  // | 1 | `Inference` | 7549.488 | 99.60% | 3 | 2576891.802 | in the allocators table
  CHECK(inference.alloc_mb() == 7549.488);

  const auto standard = parse_fixture("smallmind/other-formats/standard-profile-report.md");
  CHECK(standard.format == report::ReportFormat::smallmind_standard);
  REQUIRE(standard.scopes.size() == 10);
  CHECK(standard.scopes.front().name == "InferenceComplete");
  CHECK(scope_named(standard, "ModelCreation").alloc_mb() == 3.618);
}

TEST_CASE("CRLF line endings and a BOM parse exactly like the plain file") {
  const auto plain = parse_fixture("smallmind/case-a/previous.md");
  const auto windows = parse_fixture("compare/crlf_bom.md");
  CHECK(windows.generated == plain.generated);
  REQUIRE(windows.scopes.size() == plain.scopes.size());
  for (std::size_t i = 0; i < plain.scopes.size(); ++i) {
    CHECK(windows.scopes[i].name == plain.scopes[i].name);
    CHECK(windows.scopes[i].time_ms() == plain.scopes[i].time_ms());
    CHECK(windows.scopes[i].alloc_mb() == plain.scopes[i].alloc_mb());
  }
}

TEST_CASE("malformed reports are refused with the file, the problem and the line") {
  struct Case {
    const char* file;
    const char* problem;
  };
  const auto [file, problem] = GENERATE(values<Case>({
      {"no_table.md", "no recognisable hot-paths table"},
      {"truncated_row.md", "truncated table row at line 19"},
      {"non_numeric_time.md", "non-numeric time 'fast' at line 19"},
      {"negative_time.md", "time '-531.59' is negative at line 19"},
      {"nan_time.md", "time 'NaN' is not a number at line 19"},
      {"inf_time.md", "time 'inf' is infinite at line 19"},
      {"duplicate_rows.md", "duplicate row for method `GELU_1000` at line 43 (first at line 38)"},
  }));
  const auto path = test::data_path(std::string("compare/bad/") + file);
  CAPTURE(file);
  CHECK_THROWS_WITH(report::parse_markdown_report(report::read_text_input(path), path),
                    Contains(path.string()) && Contains(problem));
}

TEST_CASE("a table with more rows than the limit is refused") {
  std::string text = "## 🔥 Hot Paths\n\n| Rank | Method | Time (ms) | Calls | Avg (ms) | Alloc (MB) |\n|---|---|---|---|---|---|\n";
  for (std::size_t i = 0; i <= report::kMaxReportRows; ++i) {
    text += "| " + std::to_string(i) + " | `m" + std::to_string(i) + "` | 1.00 | 1 | 1.000 | 0.00 |\n";
  }
  CHECK_THROWS_WITH(report::parse_markdown_report(text, "many.md"),
                    Contains("many.md: has more than 100000 table rows (at line 100005), over the limit"));
}

TEST_CASE("a figure beyond a double or a count beyond 64 bits is out of range, not non-numeric") {
  const std::string head =
      "## 🔥 Hot Paths\n\n| Rank | Method | Time (ms) | Calls | Avg (ms) | Alloc (MB) |\n|---|---|---|---|---|---|\n";
  CHECK_THROWS_WITH(report::parse_markdown_report(head + "| 1 | `m` | 1e999 | 1 | 1.0 | 0.0 |\n", "r.md"),
                    Contains("r.md: time '1e999' is out of range at line 5"));
  CHECK_THROWS_WITH(
      report::parse_markdown_report(head + "| 1 | `m` | 1.0 | 99999999999999999999 | 1.0 | 0.0 |\n", "r.md"),
      Contains("call count '99999999999999999999' is out of range"));
}

TEST_CASE("every real report is complete, and cut at any line before its closing section it is refused") {
  const auto fixture = GENERATE(as<std::string>{}, "smallmind/case-a/previous.md", "smallmind/case-b/current.md",
                                "smallmind/other-formats/deep-profile-report.md",
                                "smallmind/other-formats/standard-profile-report.md", "compare/crlf_bom.md");
  CAPTURE(fixture);
  const auto path = test::data_path(fixture);
  const std::string text = report::read_text_input(path);
  CHECK_NOTHROW(report::parse_markdown_report(text, path));

  const std::size_t first_row = text.find("| 1 |");
  std::size_t closing = text.find("\n## Analysis");
  if (closing == std::string::npos) closing = text.find("\n## 💡 Performance Insights");
  REQUIRE(closing != std::string::npos);
  // A cut at a line boundary: within a table it falls at a row boundary.
  for (std::size_t cut = text.find('\n') + 1; cut <= closing; cut = text.find('\n', cut) + 1) {
    CAPTURE(cut);
    const std::string prefix = text.substr(0, cut);
    if (cut > first_row) {
      CHECK_THROWS_WITH(report::parse_markdown_report(prefix, "cut.md"), Contains("cut.md: is truncated"));
    } else {
      CHECK_THROWS_AS(report::parse_markdown_report(prefix, "cut.md"), InputError);
    }
  }
}

TEST_CASE("a report of ours is complete with its environment section, and cut before it is refused") {
  const std::string text = report::render_profile_markdown(test::our_profile({test::measured_scope("MatMul", 2.0)}));
  CHECK(report::parse_markdown_report(text, "ours.md").scopes.size() == 1);
  const std::size_t environment = text.find("## 🖥️ Environment");
  REQUIRE(environment != std::string::npos);
  CHECK_THROWS_WITH(report::parse_markdown_report(text.substr(0, environment), "ours.md"),
                    Contains("ours.md: is truncated: it ends before its closing section"));
}

TEST_CASE("a report's environment gives the FMA peak calibrated again after the run, and how far it moved") {
  report::ProfileRecord profile = test::our_profile({test::measured_scope("MatMul", 2.0)});
  profile.context->measured.peak_isa = "avx512";
  profile.context->measured.peak_gflops = 229.9;
  profile.context->measured.peak_gflops_after = 223.5;
  CHECK_THAT(report::render_profile_markdown(profile), Contains("after the run 223.5 GFLOPS (-2.8 %"));
  profile.context->measured.peak_gflops_after = 0.0;  // not measured (--no-peak, or an older report)
  CHECK_THAT(report::render_profile_markdown(profile), !Contains("after the run"));
}
