// Names from input files reach terminals, markdown tables and SVG charts
// escaped: one line, no escape sequence, no extra table cell.
#include <string>

#include <catch2/catch.hpp>

#include "report/common/text_escape.hpp"
#include "report/formats/markdown_parse.hpp"
#include "report/formats/markdown_write.hpp"
#include "report/results_dir/svg_chart.hpp"
#include "report_test_support.hpp"

using namespace smp;

namespace {

const std::string kHostileName = "Mat|Mul\n\x1b[31mred`tick\\";

}  // namespace

TEST_CASE("terminal text keeps to one line without escape sequences") {
  CHECK(report::escaped_for_terminal(kHostileName) == "Mat|Mul\\n\\x1b[31mred`tick\\\\");
  CHECK(report::escaped_for_terminal("plain text, ünïcode") == "plain text, ünïcode");
  CHECK(report::shortened("abcdef", 3) == "abc...");
  CHECK(report::shortened("ü", 1) == "...");  // never half a character
}

TEST_CASE("a name in a markdown table is one cell of one row, and reads back as itself") {
  CHECK(report::markdown_code(kHostileName) == "`Mat\\|Mul\\x0a\\x1b[31mred\\x60tick\\`");
  const report::ScopeRecord scope = test::measured_scope("Attention|Scores \\ part", 1.5, 3);
  const report::ProfileRecord profile = test::our_profile({scope});
  const std::string markdown = report::render_profile_markdown(profile);
  const report::ProfileRecord read_back = report::parse_markdown_report(markdown, "ours.md");
  REQUIRE(read_back.scopes.size() == 1);
  CHECK(read_back.scopes[0].name == scope.name);
  CHECK(read_back.scopes[0].time_ms() == 1.5);
}

TEST_CASE("a name in an SVG chart cannot break the markup") {
  report::BarChart chart;
  chart.title = "t";
  chart.bars.push_back({kHostileName + "<script>", 50.0, "50 %", "#888"});
  const std::string svg = report::render_bar_chart_svg(chart);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find('\x1b') == std::string::npos);
  CHECK(svg.find("Mat|Mul\\n\\x1b[31m") != std::string::npos);
}
