// The run command end to end, tiny: a first run without a baseline, then a
// second against the first run's directory, as a CI job would chain them.
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include "app/jobs/results_job.hpp"
#include "app/outputs/results_directory.hpp"
#include "report/common/errors.hpp"
#include "report/formats/number_format.hpp"
#include "tests/report/report_test_support.hpp"
#include "xml_check.hpp"

using namespace smp;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

// One process of three repetitions, a few cases, and
// a handful of allocation iterations: a run of well under a second.
app::RunOptions tiny_run(const fs::path& directory) {
  app::RunOptions options;
  options.output_dir = directory.string();
  options.enhanced.repetitions = 3;
  options.enhanced.processes = 1;  // in this process: children would be this test binary
  options.enhanced.filter = "MatMul_64x64|Softmax_256|GELU_1000$|Model_Small";
  options.enhanced.exports = {"gbench", "github", "bencher"};
  options.alloc.iterations = 2;
  options.alloc.steps = 2;
  options.alloc.repetitions = 1;
  options.gate.report_only = true;  // the verdict on timings of a shared machine is not under test
  return options;
}

// The files a reader sees: all but the hidden marker that makes it ours.
std::set<std::string> files_in(const fs::path& directory) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) names.insert(entry.path().filename().string());
  CHECK(names.erase(app::kResultsMarker) == 1);
  return names;
}

// The file names README.md lists, one per "- [`name`](name)" line.
std::set<std::string> indexed_files(const std::string& readme) {
  static const std::regex kLine(R"(\n- \[`([^`]+)`\]\(\1\) — )");
  std::set<std::string> names;
  for (auto it = std::sregex_iterator(readme.begin(), readme.end(), kLine); it != std::sregex_iterator(); ++it) {
    names.insert((*it).str(1));
  }
  return names;
}

const std::set<std::string> kProfileFiles{"PROFILING_METRICS_SUMMARY.md",
                                          "README.md",
                                          "profiling-output.log",
                                          "enhanced-profile-report.md",
                                          "enhanced-profile-report.json",
                                          "enhanced-profile-report.gbench.json",
                                          "enhanced-profile-report.github-benchmark.json",
                                          "enhanced-profile-report.bencher.json",
                                          "time-share.svg",
                                          "percent-of-peak.svg",
                                          "roofline.svg",
                                          "repetitions.svg",
                                          "allocation-profile.txt",
                                          "allocation-profile.json"};

std::set<std::string> with_comparison(std::set<std::string> files) {
  files.insert({"current-vs-baseline-comparison.md", "current-vs-baseline-comparison.json", "scope-change.svg"});
  return files;
}

}  // namespace

TEST_CASE("run writes every file, indexes exactly those, and its summary repeats the comparison's figures") {
  test::ScratchDir scratch;
  app::RunOptions first = tiny_run(scratch / "first");
  first.no_baseline = true;
  REQUIRE(app::run_profiling(first).status == 0);
  CHECK(files_in(scratch / "first") == kProfileFiles);
  CHECK(indexed_files(test::read_file(scratch / "first" / "README.md")) == kProfileFiles);

  app::RunOptions second = tiny_run(scratch / "second");
  second.baseline = (scratch / "first").string();
  REQUIRE(app::run_profiling(second).status == 0);
  const fs::path out = scratch / "second";
  CHECK(files_in(out) == with_comparison(kProfileFiles));
  const std::string readme = test::read_file(out / "README.md");
  CHECK(indexed_files(readme) == files_in(out));
  CHECK(readme.find((scratch / "first" / "allocation-profile.json").string()) != std::string::npos);

  SECTION("the summary's totals and verdict are the comparison JSON's") {
    const auto comparison = nlohmann::json::parse(test::read_file(out / "current-vs-baseline-comparison.json"));
    const auto& runtime = comparison.at("smallmind").at("runtime_ms");
    const std::string summary = test::read_file(out / "PROFILING_METRICS_SUMMARY.md");
    const std::string row = "| Total Runtime (ms, SmallMind's sum over every row) | " +
                            report::fixed(runtime.at("previous").get<double>(), 2) + " | " +
                            report::fixed(runtime.at("current").get<double>(), 2) + " | " +
                            report::percent_text(runtime.at("change_pct").get<double>(), true) + " | ";
    CHECK(summary.find(row) != std::string::npos);
    CHECK(summary.find(comparison.at("gate").at("verdict_line").get<std::string>()) != std::string::npos);
    CHECK(summary.find("](scope-change.svg)") != std::string::npos);
    CHECK(summary.find("](time-share.svg)") != std::string::npos);
    CHECK(summary.find("](percent-of-peak.svg)") != std::string::npos);
    CHECK(summary.find("](roofline.svg)") != std::string::npos);
  }

  SECTION("every chart is well-formed SVG") {
    CHECK(test::xml_problem(test::read_file(out / "roofline.svg")) == std::nullopt);
    CHECK(test::xml_problem(test::read_file(out / "repetitions.svg")) == std::nullopt);
    CHECK(test::xml_problem(test::read_file(out / "scope-change.svg")) == std::nullopt);
    CHECK(test::xml_problem(test::read_file(out / "percent-of-peak.svg")) == std::nullopt);
    CHECK(test::xml_problem(test::read_file(out / "time-share.svg")) == std::nullopt);
  }

  SECTION("every export parses and holds every scope of the profile") {
    const auto profile = nlohmann::json::parse(test::read_file(out / "enhanced-profile-report.json"));
    const auto github = nlohmann::json::parse(test::read_file(out / "enhanced-profile-report.github-benchmark.json"));
    const auto bencher = nlohmann::json::parse(test::read_file(out / "enhanced-profile-report.bencher.json"));
    const auto gbench = nlohmann::json::parse(test::read_file(out / "enhanced-profile-report.gbench.json"));
    std::set<std::string> github_names;
    for (const auto& entry : github) github_names.insert(entry.at("name").get<std::string>());
    std::set<std::string> gbench_names;
    for (const auto& entry : gbench.at("benchmarks")) gbench_names.insert(entry.at("run_name").get<std::string>());
    REQUIRE_FALSE(profile.at("scopes").empty());
    for (const auto& scope : profile.at("scopes")) {
      const std::string name = scope.at("name").get<std::string>();
      CHECK(github_names.count(name) == 1);
      CHECK(bencher.contains(name));
      CHECK(gbench_names.count(name) == 1);
    }
  }

  SECTION("the log holds the run's console lines with timestamps") {
    const std::string log = test::read_file(out / "profiling-output.log");
    const std::regex line(R"(^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] \[info\] baseline: )");
    CHECK(std::regex_search(log, line));
    CHECK(log.find("[info] writing 17 files into") != std::string::npos);
  }
}

TEST_CASE("a results directory holds one run's files: ours is replaced whole, another is refused") {
  test::ScratchDir scratch;
  const fs::path out = scratch / "results";
  app::RunOptions options = tiny_run(out);
  options.no_baseline = true;
  REQUIRE(app::run_profiling(options).status == 0);
  test::write_file(out / "current-vs-baseline-comparison.md", "from an earlier run");
  fs::create_directories(scratch / ".results.tmp-AbC123");  // a killed run's staging directory
  test::write_file(scratch / ".results.tmp-AbC123" / "README.md", "stale");
  REQUIRE(app::run_profiling(options).status == 0);
  CHECK(files_in(out) == kProfileFiles);
  CHECK(std::distance(fs::directory_iterator(scratch.path()), fs::directory_iterator()) == 1);  // no staging left

  const fs::path link = scratch / "link-to-results";
  fs::create_directory_symlink(out, link);
  options.output_dir = link.string();
  REQUIRE(app::run_profiling(options).status == 0);
  CHECK(fs::is_symlink(link));
  CHECK(files_in(out) == kProfileFiles);
  fs::remove(link);

  const fs::path theirs = scratch / "theirs";
  fs::create_directories(theirs);
  test::write_file(theirs / "README.md", "not ours");
  options.output_dir = theirs.string();
  CHECK_THROWS_WITH(app::run_profiling(options), Contains("is not empty and not a results directory of ours"));
  CHECK(test::read_file(theirs / "README.md") == "not ours");

  const fs::path missing = scratch / "never-made";
  options.output_dir = missing.string();
  options.enhanced.filter = "(";
  CHECK_THROWS_AS(app::run_profiling(options), UsageError);
  CHECK_FALSE(fs::exists(missing));
}

TEST_CASE("a missing or invalid baseline is refused before anything is written") {
  test::ScratchDir scratch;
  fs::create_directories(scratch / "empty");
  struct Refusal {
    const char* what;
    fs::path baseline;
    std::string filter;
  };
  const Refusal refusals[] = {
      {"missing", scratch / "no-such-baseline", ""},
      {"not a report", test::data_path("compare/bad/garbage.bin"), ""},
      {"a directory without a profile", scratch / "empty", ""},
      {"no scope in common with the selected cases", test::data_path("compare/json/baseline.json"), "Softmax"},
  };
  for (const Refusal& refusal : refusals) {
    INFO(refusal.what);
    app::RunOptions options = tiny_run(scratch / "out");
    options.baseline = refusal.baseline.string();
    if (!refusal.filter.empty()) options.enhanced.filter = refusal.filter;
    CHECK_THROWS_AS(app::run_profiling(options), InputError);
    CHECK_FALSE(fs::exists(scratch / "out"));
  }
}
