#include <string>

#include <catch2/catch.hpp>

#include "report/results_dir/index.hpp"

using namespace smp;

namespace {

report::RunIndex index() {
  report::RunIndex run;
  run.generated = "2026-02-05 10:00:00";
  run.files = {{"PROFILING_METRICS_SUMMARY.md", "start here"}, {"enhanced-profile-report.md", "the profile"},
               {"README.md", "this index"}};
  run.command_line = "smallmind-prof run --quick --baseline 'my dir'";
  run.equivalent_commands = {"smallmind-prof enhanced --repetitions 5"};
  run.context.machine.build_type = "Release";
  run.context.machine.cpu_model = "Test CPU";
  return run;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the index has one line per file, linking it, and no other file line") {
  const report::RunIndex run = index();
  const std::string text = report::render_run_index(run);
  CHECK(count(text, "\n- [`") == run.files.size());
  for (const report::IndexedFile& file : run.files) {
    CHECK(text.find("- [`" + file.name + "`](" + file.name + ") — " + file.description + "\n") != std::string::npos);
  }
}

TEST_CASE("the index shows the exact command line, the environment and the baseline") {
  report::RunIndex run = index();
  run.baseline = report::IndexedBaseline{"baselines/enhanced-profile-report.json", "2026-02-01 09:00:00",
                                         std::nullopt, "given with --baseline"};
  const std::string text = report::render_run_index(run);
  CHECK(text.find("```sh\nsmallmind-prof run --quick --baseline 'my dir'\n```") != std::string::npos);
  CHECK(text.find("smallmind-prof enhanced --repetitions 5\n") != std::string::npos);
  CHECK(text.find("Test CPU") != std::string::npos);
  CHECK(text.find("`baselines/enhanced-profile-report.json` (generated 2026-02-01 09:00:00; given with --baseline)") !=
        std::string::npos);
  CHECK(text.find("**Allocation profile:** none") != std::string::npos);
}

TEST_CASE("without a baseline the index says nothing was compared") {
  const std::string text = report::render_run_index(index());
  CHECK(text.find("`--no-baseline`, so nothing was compared") != std::string::npos);
}
