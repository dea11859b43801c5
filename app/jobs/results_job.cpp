#include "app/jobs/results_job.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/jobs/run_baseline.hpp"
#include "app/jobs/suite_listing.hpp"
#include "app/outputs/baseline.hpp"
#include "app/outputs/baseline_save.hpp"
#include "app/outputs/shell_quote.hpp"
#include "report/common/exit_codes.hpp"
#include "report/common/text_escape.hpp"
#include "app/outputs/results_directory.hpp"
#include "app/outputs/run_log.hpp"
#include "report/analysis/compare.hpp"
#include "report/formats/comparison_json.hpp"
#include "report/common/errors.hpp"
#include "report/formats/gate_text.hpp"
#include "report/formats/profile_json.hpp"
#include "report/formats/results_table.hpp"
#include "report/io/output_check.hpp"
#include "report/measure/environment.hpp"
#include "report/records/machine_fingerprint.hpp"
#include "report/formats/render_comparison.hpp"
#include "report/results_dir/peak_chart.hpp"
#include "report/results_dir/time_share_chart.hpp"
#include "report/results_dir/index.hpp"
#include "report/results_dir/repetition_chart.hpp"
#include "report/results_dir/roofline_chart.hpp"
#include "report/results_dir/scope_change_chart.hpp"
#include "report/results_dir/summary.hpp"
#include "report/results_dir/svg_chart.hpp"
#include "report/common/timestamp.hpp"
#include "report/formats/render_summary.hpp"
#include "report/common/file_names.hpp"

namespace smp::app {
namespace {

namespace fs = std::filesystem;

fs::path default_results_directory() { return report::local_time_now("profiling-results-%Y%m%d-%H%M%S"); }

// Refused before measuring: a comparison with nothing in common is no comparison.
void require_common_scope(const Baseline& baseline, const SuitePlan& plan) {
  for (const SuiteCase& suite_case : plan.cases) {
    for (const std::string& name : suite_case.scope_names) {
      const auto& scopes = baseline.profile.scopes;
      if (std::any_of(scopes.begin(), scopes.end(), [&](const report::ScopeRecord& s) { return s.name == name; })) {
        return;
      }
    }
  }
  throw InputError(baseline.profile_path, "has no scope in common with the suite cases this run selects");
}

// The files a run reads, which none of its outputs may replace.
std::vector<fs::path> baseline_inputs(const std::optional<Baseline>& baseline) {
  if (!baseline) return {};
  std::vector<fs::path> inputs{baseline->profile_path};
  if (baseline->alloc_path) inputs.push_back(*baseline->alloc_path);
  return inputs;
}

void log_comparison_warnings(const report::ComparisonRecord& record) {
  for (const report::EnvironmentDifference& difference : record.gate.environment) {
    spdlog::warn("the baseline's environment differs: {} '{}' vs '{}'", difference.field, difference.previous,
                 difference.current);
  }
  for (const std::string& warning : record.gate.warnings) spdlog::warn("{}", warning);
}

// The standalone commands that write the same reports (the figures differ:
// each is its own measurement).
std::vector<std::string> equivalent_commands(const RunOptions& options, const fs::path& directory,
                                             const std::optional<Baseline>& baseline) {
  const EnhancedOptions& e = options.enhanced;
  std::vector<std::string> enhanced{"smallmind-prof"};
  for (std::string& argument : enhanced_arguments(e)) enhanced.push_back(std::move(argument));
  enhanced.insert(enhanced.end(), {"--output-dir", directory.string()});
  for (const std::string& format : e.exports) enhanced.insert(enhanced.end(), {"--export", format});
  const AllocOptions& a = options.alloc;
  const std::vector<std::string> alloc{"smallmind-prof", "alloc", "--output-dir", directory.string(),
                                       "--iterations", std::to_string(a.iterations), "--steps",
                                       std::to_string(a.steps), "--repetitions", std::to_string(a.repetitions),
                                       "--pool", a.pool};
  std::vector<std::string> commands{shell_command(enhanced), shell_command(alloc)};
  if (baseline) {
    const GateSettings& g = options.gate;
    std::vector<std::string> compare{"smallmind-prof", "compare", baseline->profile_path.string(),
                                     (directory / kProfileJsonFile).string(),
                                     (directory / kComparisonMarkdownFile).string(), "--json",
                                     (directory / kComparisonJsonFile).string(), "--threshold",
                                     report::compact(g.options.threshold_pct), "--alpha",
                                     report::compact(g.options.alpha), "--gate", g.gate, "--alloc-threshold",
                                     report::compact(g.options.alloc_threshold_pct)};
    if (!g.fail_on.empty()) compare.insert(compare.end(), {"--fail-on", fmt::format("{}", fmt::join(g.fail_on, ","))});
    if (g.report_only) compare.push_back("--report-only");
    commands.push_back(shell_command(compare));
  }
  return commands;
}

std::vector<OutputFile> comparison_files(const report::RunResults& results) {
  const report::ComparisonRecord& record = results.baseline->comparison;
  std::vector<OutputFile> files{
      {std::string(kComparisonMarkdownFile), "SmallMind's comparison against the baseline, plus the gate's per-scope statistics",
       report::render_comparison_markdown(record)},
      {std::string(kComparisonJsonFile), "the same comparison as versioned JSON, every figure unrounded",
       report::comparison_to_json(record)}};
  if (auto chart = report::scope_change_svg(*results.baseline)) {
    files.push_back({std::string(kScopeChangeChartFile),
                     "each scope's time change against the baseline on a log axis, with the gate's intervals, "
                     "threshold band and verdicts",
                     std::move(*chart)});
  }
  return files;
}

report::RunIndex index_of(const RunOptions& options, const fs::path& directory, const std::optional<Baseline>& baseline,
                          const std::string& origin, const report::RunResults& results,
                          const std::vector<OutputFile>& files) {
  report::RunIndex index;
  index.generated = results.profile.generated;
  for (const OutputFile& file : files) index.files.push_back({file.name, file.description});
  index.command_line = invoked_command_line();
  index.equivalent_commands = equivalent_commands(options, directory, baseline);
  index.context = *results.profile.context;
  if (baseline) {
    index.baseline = report::IndexedBaseline{
        baseline->profile_path.string(), results.baseline->comparison.smallmind.previous_generated,
        baseline->alloc_path ? std::optional<std::string>(baseline->alloc_path->string()) : std::nullopt, origin};
  }
  return index;
}

// The run's profile and allocation reports become this machine's baseline.
void save_this_machine(const RunOptions& options, const report::RunResults& results) {
  std::vector<OutputFile> entry = enhanced_reports(results.profile, {});
  for (OutputFile& file : alloc_reports(results.alloc)) entry.push_back(std::move(file));
  const fs::path folder = save_machine_baseline(baselines_directory(options), *results.profile.context, entry);
  spdlog::info("saved this machine's baseline ({}) into {}",
               report::describe_fingerprint(report::fingerprint_of(*results.profile.context)), folder.string());
}

}  // namespace

CommandOutput run_profiling(const RunOptions& options) {
  RunLog log;
  const fs::path directory = options.output_dir.empty() ? default_results_directory() : fs::path(options.output_dir);
  // Validation first, and silent: a refused run prints its one error line only.
  const SuitePlan plan = plan_enhanced(options.enhanced);
  if (options.enhanced.list) return suite_listing(plan);
  const report::RunContext planned = report::collect_context(run_settings(options.enhanced, plan));
  if (options.save_baseline) {
    require_baseline_worthy(planned);
    check_baseline_index(baselines_directory(options));
  }
  std::optional<ChosenBaseline> chosen = choose_run_baseline(options, report::fingerprint_of(planned));
  const std::optional<Baseline> baseline = chosen ? std::optional<Baseline>(std::move(chosen->baseline)) : std::nullopt;
  if (baseline) require_common_scope(*baseline, plan);
  // Checked now, so a run that could not write its results measures nothing,
  // and creates nothing yet, so a refused or interrupted run leaves nothing.
  check_results_directory(directory, baseline_inputs(baseline));
  if (baseline) {
    spdlog::info("baseline: {} ({} scopes){}", baseline->profile_path.string(), baseline->profile.scopes.size(),
                 baseline->alloc_path ? " and " + baseline->alloc_path->string() : std::string());
    if (!chosen->warning.empty()) spdlog::warn("{}", chosen->warning);
  }

  report::RunResults results;
  results.profile = measure_enhanced(options.enhanced, plan);
  results.alloc = measure_alloc(options.alloc);
  if (baseline) {
    // Compared as written, read back from its JSON: the comparison is the one
    // `compare BASELINE enhanced-profile-report.json` computes from this directory.
    const report::ProfileRecord written =
        report::profile_from_json(report::profile_to_json(results.profile), directory / kProfileJsonFile);
    report::ComparisonRecord comparison =
        report::compare_profiles(baseline->profile, written, resolved_gate_options(options.gate));
    log_comparison_warnings(comparison);
    log_gate_decisions(comparison.gate);
    results.baseline = report::RunBaseline{baseline->profile_path.string(), baseline->profile, baseline->alloc,
                                           std::move(comparison)};
  }

  // Everything is rendered before the first file is written.
  std::vector<OutputFile> files{{std::string(kRunSummaryFile),
                                 "start here: key metrics against the baseline, the verdict, worst regressions, best "
                                 "improvements and findings computed from the data",
                                 report::render_run_summary(results)}};
  for (OutputFile& file : enhanced_reports(results.profile, options.enhanced.exports)) files.push_back(std::move(file));
  if (const auto chart = report::time_share_chart(results.profile)) {
    files.push_back({std::string(kTimeShareChartFile), "where the time goes: each top-level scope's share of the time",
                     report::render_bar_chart_svg(*chart)});
  }
  if (const auto chart = report::peak_chart(results.profile)) {
    files.push_back({std::string(kPeakChartFile),
                     "each scope with a work model: its share of the measured peak that binds it, compute or memory",
                     report::render_bar_chart_svg(*chart)});
  }
  if (auto roofline = report::roofline_svg(results.profile)) {
    files.push_back({std::string(kRooflineChartFile),
                     "roofline: each kernel scope's GFLOPS against its arithmetic intensity under the measured ceilings",
                     std::move(*roofline)});
  }
  if (auto noise = report::repetition_svg(results.profile, options.gate.options.threshold_pct)) {
    files.push_back({std::string(kRepetitionChartFile),
                     "every repetition of each top-level scope against its median: the noise behind the figures",
                     std::move(*noise)});
  }
  for (OutputFile& file : alloc_reports(results.alloc)) files.push_back(std::move(file));
  if (results.baseline) {
    for (OutputFile& file : comparison_files(results)) files.push_back(std::move(file));
  }
  files.push_back({std::string(kRunIndexFile), "this index", ""});
  files.push_back({std::string(kRunLogFile), "the run's console log, with timestamps", ""});
  const std::string origin = chosen ? chosen->origin : "";
  files[files.size() - 2].contents =
      report::render_run_index(index_of(options, directory, baseline, origin, results, files));

  if (results.baseline) {
    spdlog::info("compared against {}: {}", baseline->profile_path.string(),
                 report::verdict_word(results.baseline->comparison.gate.verdict));
  }
  spdlog::info("writing {} files into {}", files.size(), directory.string());
  files.back().contents = log.text();
  check_results_directory(directory, baseline_inputs(baseline));
  replace_results_directory(directory, files);
  if (options.save_baseline) save_this_machine(options, results);
  spdlog::info("wrote {}", written_files_text(pending_outputs(directory, files)));

  CommandOutput output;
  output.tables = {report::profile_table(results.profile), report::alloc_table(results.alloc)};
  output.markdown = contents_of(files, kRunSummaryFile);
  output.json = contents_of(files, kProfileJsonFile);
  if (results.baseline) {
    const report::ComparisonRecord& comparison = results.baseline->comparison;
    output.status = gate_exit_status(options.gate, comparison.gate);
    output.verdict_line = report::render_verdict_line(comparison);
    output.csv_table = output.tables.size();
    output.tables.push_back(report::comparison_table(comparison));
    output.json = contents_of(files, kComparisonJsonFile);
  }
  return output;
}

}  // namespace smp::app
