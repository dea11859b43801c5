// The results tables on fixed records: which figures each row shows, how a
// terminal and CSV render them, colours only when asked, hostile names escaped.
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "report/analysis/compare.hpp"
#include "report/formats/console_table.hpp"
#include "report/formats/csv_table.hpp"
#include "report/formats/read_report.hpp"
#include "report/formats/results_table.hpp"
#include "report/formats/scaled_units.hpp"
#include "report_test_support.hpp"

using namespace smp;
using Catch::Matchers::Contains;

namespace {

// MatMul_64x64 holding three MatMul_Iteration calls, five repetitions each,
// on a machine of 100 GFLOPS and 10 GB/s.
report::ProfileRecord kernel_profile() {
  report::ScopeRecord outer;
  outer.name = "MatMul_64x64";
  outer.calls = 1;
  outer.inclusive_ms = {0.040, 0.041, 0.042, 0.043, 0.050};
  report::ScopeRecord inner;
  inner.name = "MatMul_Iteration";
  inner.parents = {"MatMul_64x64"};
  inner.calls = 3;
  inner.inclusive_ms = {0.030, 0.031, 0.032, 0.033, 0.040};
  inner.flops_per_call = 2.0 * 64 * 64 * 64;
  inner.bytes_per_call = 3.0 * 64 * 64 * 4;
  report::RunContext context;
  context.settings.repetitions = 5;
  context.settings.processes = 1;
  context.measured.peak_gflops = 100.0;
  context.measured.peak_gbps = 10.0;
  report::ProfileRecord profile;
  profile.scopes = {outer, inner};
  profile.context = context;
  return profile;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The terminal column a byte offset of `line` falls in (UTF-8: continuation bytes take none).
std::size_t display_column(const std::string& line, std::size_t offset) {
  REQUIRE(offset != std::string::npos);
  std::size_t column = 0;
  for (std::size_t i = 0; i < offset; ++i) column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
  return column;
}

report::ComparisonRecord slowed_comparison(report::GateOptions options = {}) {
  return report::compare_profiles(report::read_report(test::data_path("compare/json/baseline.json")),
                                  report::read_report(test::data_path("compare/json/slowed.json")), options);
}

const std::vector<report::Cell>& row_named(const report::ResultsTable& table, const std::string& name) {
  for (const std::vector<report::Cell>& row : table.rows) {
    if (row.front().raw.front() == name) return row;
  }
  FAIL("no row " << name);
  return table.rows.front();
}

}  // namespace

TEST_CASE("durations and byte counts are scaled to three significant digits") {
  CHECK(report::duration_text(0.000123) == "123 ns");
  CHECK(report::duration_text(0.0123) == "12.3 µs");
  CHECK(report::duration_text(1.5) == "1.50 ms");
  CHECK(report::duration_text(1500.0) == "1.50 s");
  CHECK(report::duration_text(0.0009997) == "1.00 µs");  // rounding carries into the next unit
  CHECK(report::duration_text(0.0) == "0.00 ns");
  CHECK(report::bytes_text(512.0) == "512 B");
  CHECK(report::bytes_text(3.0 * 1024 * 1024) == "3.00 MiB");
}

TEST_CASE("the profile table shows each scope's median, MAD, throughput and share of the peak") {
  const report::ResultsTable table = report::profile_table(kernel_profile());
  REQUIRE(table.rows.size() == 2);
  const std::vector<report::Cell>& outer = table.rows[0];
  CHECK(outer[0].text == "MatMul_64x64");
  CHECK(outer[2].text == "42.0 µs");  // median of the five samples
  CHECK(outer[3].text == "1.00 µs");  // MAD: deviations 2, 1, 0, 1, 8 µs
  CHECK(outer[4].text == "—");        // no work model: no throughput
  const std::vector<report::Cell>& inner = table.rows[1];
  CHECK(inner[0].text == "  MatMul_Iteration");  // indented under its parent
  CHECK(inner[0].raw.front() == "MatMul_Iteration");
  // 3 calls of 524288 FLOP in 0.032 ms: 49.152 GFLOPS; intensity 10.7 FLOP/B
  // is above the machine balance of 10, so the compute peak binds.
  CHECK(inner[4].text == "49.15");
  CHECK(inner[6].text == "49.2%");
  CHECK(inner[7].text == "compute");
  CHECK_THAT(table.notes.front(), Contains("MAD") && Contains("5 repetition(s) in each of 1 process(es)"));
}

TEST_CASE("the console table aligns its columns and colours only when asked") {
  const report::ResultsTable table = report::comparison_table(slowed_comparison());
  const std::string plain = report::render_console_table(table, false);
  CHECK(plain.find('\x1b') == std::string::npos);
  const std::vector<std::string> lines = lines_of(plain);
  REQUIRE(lines.size() >= 4);
  CHECK(lines[0] == "Comparison");
  // The verdict column starts in the same terminal column on the header and on every row.
  const std::size_t verdict_column = display_column(lines[1], lines[1].find("Verdict"));
  REQUIRE(table.rows.size() >= 3);
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const std::string& line = lines[3 + i];
    CHECK(display_column(line, line.rfind(table.rows[i].back().text)) == verdict_column);
  }
  const std::string coloured = report::render_console_table(table, true);
  CHECK_THAT(coloured, Contains("\x1b[1;31mregressed"));
  CHECK_THAT(coloured, Contains("\x1b[0m"));
}

TEST_CASE("the comparison table carries the gate's verdict, interval and each scope's threshold") {
  report::GateOptions options;
  options.scope_threshold_pct["MatMul_128x128"] = 30.0;
  const report::ResultsTable default_table = report::comparison_table(slowed_comparison());
  const report::ResultsTable relaxed_table = report::comparison_table(slowed_comparison(options));
  const std::vector<report::Cell>& slowed = row_named(default_table, "MatMul_128x128");
  CHECK(slowed.back().text == "regressed");
  CHECK(slowed.back().tone == report::Tone::bad);
  CHECK(slowed[6].text == "10%");
  CHECK(slowed[4].raw.size() == 2);  // the interval's two bounds, two CSV fields
  const std::vector<report::Cell>& relaxed = row_named(relaxed_table, "MatMul_128x128");
  CHECK(relaxed[6].text == "30%");
  CHECK(relaxed.back().text == "unchanged");
  CHECK(row_named(default_table, "MatMul_Iteration").back().text == "nested, not tested");
}

TEST_CASE("a comparison without samples shows SmallMind's per-method changes") {
  const report::ComparisonRecord record = report::compare_profiles(
      test::markdown_record({test::timed_scope("A", 10.0), test::timed_scope("B", 2.0)}),
      test::markdown_record({test::timed_scope("A", 12.0), test::timed_scope("B", 2.0)}), {});
  const report::ResultsTable table = report::comparison_table(record);
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0][0].text == "A");
  CHECK(table.rows[0][3].text == "+20.0%");
  CHECK(table.columns.size() == 4);
}

TEST_CASE("CSV holds the raw figures under unit-named headers, quoted where needed") {
  report::ProfileRecord profile = kernel_profile();
  profile.scopes[0].name = "Odd, \"quoted\" name";
  profile.scopes[1].parents = {profile.scopes[0].name};
  const std::string csv = report::render_csv_table(report::profile_table(profile));
  const std::vector<std::string> lines = lines_of(csv);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "scope,calls_per_repetition,median_ns,mad_ns,gflops,gb_per_second,percent_of_peak,bound\r");
  // Figures unrounded: the MAD is whatever the binary subtraction gave (about 1000 ns).
  CHECK_THAT(lines[1], Catch::Matchers::StartsWith("\"Odd, \"\"quoted\"\" name\",1,42000,1000"));
  CHECK_THAT(lines[1], Catch::Matchers::EndsWith(",,,,\r"));
  CHECK_THAT(lines[2], Catch::Matchers::StartsWith("MatMul_Iteration,3,32000,"));
  CHECK_THAT(lines[2], Contains(",49.152,4.608,49.152,compute\r"));

  const std::string comparison = report::render_csv_table(report::comparison_table(slowed_comparison()));
  CHECK_THAT(comparison, Contains("ratio_low,ratio_high"));
}

TEST_CASE("a scope name cannot reach the terminal as an escape sequence") {
  report::ProfileRecord profile = kernel_profile();
  profile.scopes[0].name = "Evil\x1b[2JName";
  profile.scopes[1].parents = {profile.scopes[0].name};
  const std::string text = report::render_console_table(report::profile_table(profile), true);
  CHECK(text.find("\x1b[2J") == std::string::npos);
  CHECK_THAT(text, Contains("Evil\\x1b[2JName"));
}

TEST_CASE("the allocation table gives per-iteration figures for each pool mode") {
  report::AllocationRecord record;
  record.context.settings.repetitions = 2;
  report::AllocWorkloadRecord workload;
  workload.workload = report::AllocWorkload::matmul_backward;
  workload.m = workload.k = workload.n = 4;
  workload.iterations = 10;
  report::AllocSample sample;
  sample.total_ns = 20'000;  // 2 µs per iteration
  sample.alloc_bytes = 10'240;
  sample.alloc_count = 20;
  sample.peak_live_bytes = 2048;
  workload.runs = {{.pool_enabled = true, .samples = {sample, sample}}};
  record.workloads = {workload};
  const report::ResultsTable table = report::alloc_table(record);
  REQUIRE(table.rows.size() == 1);
  const std::vector<report::Cell>& row = table.rows[0];
  CHECK(row[0].text == "MatMul backward 4x4 @ 4x4");
  CHECK(row[1].text == "on");
  CHECK(row[2].text == "2.00 µs");
  CHECK(row[4].text == "1.00 KiB");
  CHECK(row[5].text == "2.00");
  CHECK(row[6].text == "2.00 KiB");
}
