#include <regex>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "report/results_dir/svg_chart.hpp"
#include "xml_check.hpp"

using namespace smp;

namespace {

report::BarChart sample_chart() {
  report::BarChart chart;
  chart.title = "Change <per> scope & more";
  chart.axis_label = "% \"quoted\"";
  chart.bars = {{"A<B>", 12.5, "+12.5% (1 → 2 ms)", "#c62828"}, {"C&D", -40.0, "-40.0%", "#2e7d32"}, {"E'F", 0.0, "0%", "#9e9e9e"}};
  chart.lines = {{25.0, "25%"}};
  return chart;
}

// The x of the end of each bar's rectangle (its right edge), in row order.
std::vector<double> bar_ends(const std::string& svg) {
  static const std::regex kBar(R"re(<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="14.0")re");
  std::vector<double> ends;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), kBar); it != std::sregex_iterator(); ++it) {
    ends.push_back(std::stod((*it).str(1)) + std::stod((*it).str(2)));
  }
  return ends;
}

}  // namespace

TEST_CASE("a bar chart is a well-formed SVG document with one bar per row") {
  const std::string svg = report::render_bar_chart_svg(sample_chart());
  CHECK(test::xml_problem(svg) == std::nullopt);
  CHECK(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos);
  // One background rectangle, then one per bar.
  CHECK(test::occurrences(svg, "<rect ") == 1 + sample_chart().bars.size());
  CHECK(test::occurrences(svg, "<title>") == sample_chart().bars.size());
}

TEST_CASE("every text in a chart is escaped") {
  const std::string svg = report::render_bar_chart_svg(sample_chart());
  CHECK(svg.find("A&lt;B&gt;") != std::string::npos);
  CHECK(svg.find("C&amp;D") != std::string::npos);
  CHECK(svg.find("E&apos;F") != std::string::npos);
  CHECK(svg.find("Change &lt;per&gt; scope &amp; more") != std::string::npos);
  CHECK(svg.find("A<B>") == std::string::npos);
}

TEST_CASE("negative bars grow left of the zero line, positive ones right of it") {
  report::BarChart chart;
  chart.bars = {{"up", 10.0, "", "red"}, {"down", -10.0, "", "green"}};
  const std::string svg = report::render_bar_chart_svg(chart);
  const std::regex bar(R"re(<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="[0-9.]+" fill="(red|green)")re");
  const std::regex zero(R"re(<line x1="([0-9.]+)")re");
  std::smatch zero_match;
  REQUIRE(std::regex_search(svg, zero_match, zero));
  const double zero_x = std::stod(zero_match.str(1));
  int bars = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator(); ++it, ++bars) {
    const double x = std::stod((*it).str(1));
    const double width = std::stod((*it).str(2));
    if ((*it).str(3) == "red") {
      CHECK(x == Approx(zero_x));
    } else {
      CHECK(x + width == Approx(zero_x));
    }
    CHECK(width > 0.0);
  }
  CHECK(bars == 2);
}

TEST_CASE("a bar past the axis's end is drawn to it, marked as cut, and its whole value printed") {
  report::BarChart chart;
  chart.bars = {{"short", 50.0, "50%", "red"}, {"long", 700.0, "700%", "red"}, {"edge", 100.0, "100%", "red"}};
  chart.lines = {{100.0, "100%"}};
  chart.axis_max = 100.0;
  const std::string svg = report::render_bar_chart_svg(chart);
  CHECK(test::xml_problem(svg) == std::nullopt);
  const std::vector<double> ends = bar_ends(svg);
  REQUIRE(ends.size() == 3);
  CHECK(ends[1] == Approx(ends[2]));  // cut at the axis's end, as long as a bar of exactly 100
  CHECK(ends[0] < ends[2]);
  CHECK(test::occurrences(svg, "class=\"cut\"") == 2);  // two strokes, on the long bar only
  CHECK(svg.find(">700%<") != std::string::npos);
  CHECK(svg.find("Bars marked // are cut") != std::string::npos);

  chart.axis_max.reset();
  const std::string whole = report::render_bar_chart_svg(chart);
  CHECK(test::occurrences(whole, "class=\"cut\"") == 0);
  CHECK(whole.find("Bars marked // are cut") == std::string::npos);
}

TEST_CASE("a bar chart's legend sits above its rows") {
  report::BarChart chart = sample_chart();
  chart.legend = {{"#2e7d32", "compute-bound"}, {"#ef6c00", "memory-bound"}};
  const std::string svg = report::render_bar_chart_svg(chart);
  CHECK(test::xml_problem(svg) == std::nullopt);
  CHECK(test::occurrences(svg, "class=\"legend\"") == 1);
  CHECK(svg.find(">compute-bound<") != std::string::npos);
  CHECK(test::occurrences(svg, "<rect ") == 1 + chart.bars.size() + chart.legend.size());
}

TEST_CASE("the well-formedness check itself rejects broken documents") {
  CHECK(test::xml_problem("<svg><g></svg>") != std::nullopt);
  CHECK(test::xml_problem("<svg><text>a < b</text></svg>") != std::nullopt);
  CHECK(test::xml_problem("<svg><text>a & b</text></svg>") != std::nullopt);
  CHECK(test::xml_problem("<svg width=10></svg>") != std::nullopt);
  CHECK(test::xml_problem("<svg/><svg/>") != std::nullopt);
  CHECK(test::xml_problem("<svg><g/><text x=\"1\">a &amp; b</text></svg>") == std::nullopt);
}
