// `compare PREV CURR OUT`: reads two reports of any supported format, writes
// the SmallMind-compatible comparison (and optionally JSON and a CI job
// summary), prints one verdict line, and returns the gate's exit status.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "app/cli/commands/command.hpp"
#include "app/cli/commands/shared_options.hpp"
#include "report/common/exit_codes.hpp"
#include "app/outputs/output_files.hpp"
#include "app/jobs/gate_settings.hpp"
#include "report/io/atomic_file.hpp"
#include "report/analysis/compare.hpp"
#include "report/formats/comparison_json.hpp"
#include "report/common/errors.hpp"
#include "report/io/output_check.hpp"
#include "report/io/output_target.hpp"
#include "report/formats/read_report.hpp"
#include "report/formats/render_comparison.hpp"
#include "report/formats/render_summary.hpp"
#include "report/formats/results_table.hpp"

namespace smp::app {
namespace {

namespace fs = std::filesystem;

struct CompareSettings {
  fs::path previous;
  fs::path current;
  fs::path output;
  fs::path json_output;
  fs::path summary_output;
  bool strict_env = false;
  GateSettings gate;
};

std::vector<fs::path> outputs_of(const CompareSettings& settings) {
  std::vector<fs::path> outputs{settings.output};
  if (!settings.json_output.empty()) outputs.push_back(settings.json_output);
  if (!settings.summary_output.empty()) outputs.push_back(settings.summary_output);
  return outputs;
}

std::string environment_differences(const report::GateResult& gate) {
  std::string text;
  for (const report::EnvironmentDifference& difference : gate.environment) {
    text += (text.empty() ? "" : ", ") + difference.field + " '" + difference.previous + "' vs '" +
            difference.current + "'";
  }
  return text;
}

CommandOutput run_compare(const CompareSettings& settings) {
  const report::ProfileRecord previous = report::read_report(settings.previous);
  const report::ProfileRecord current = report::read_report(settings.current);
  report::check_outputs(outputs_of(settings), {settings.previous, settings.current});

  const report::ComparisonRecord record =
      report::compare_profiles(previous, current, resolved_gate_options(settings.gate));
  if (record.smallmind.scopes.empty()) {
    throw InputError(settings.current, "has no methods in common with " + settings.previous.string());
  }
  if (!record.gate.environment.empty()) {
    const std::string differences = environment_differences(record.gate);
    if (settings.strict_env) {
      throw InputError(settings.current, "measured in another environment than " + settings.previous.string() +
                                             " (" + differences + "); --strict-env refuses the comparison");
    }
    spdlog::warn("the two runs' environments differ: {}", differences);
  }
  for (const std::string& warning : record.gate.warnings) spdlog::warn("{}", warning);
  log_gate_decisions(record.gate);

  CommandOutput output;
  output.markdown = report::render_comparison_markdown(record);
  output.json = report::comparison_to_json(record);
  std::vector<report::PendingOutput> outputs{{settings.output, output.markdown}};
  if (!settings.json_output.empty()) outputs.push_back({settings.json_output, output.json});
  if (!settings.summary_output.empty()) {
    outputs.push_back({settings.summary_output, report::render_job_summary(record)});
  }
  report::write_output_set(outputs);
  spdlog::info("wrote {}", written_files_text(outputs));

  output.status = gate_exit_status(settings.gate, record.gate);
  output.verdict_line = report::render_verdict_line(record);
  output.tables.push_back(report::comparison_table(record));
  output.stdout_taken = std::any_of(outputs.begin(), outputs.end(), [](const report::PendingOutput& pending) {
    return pending.destination == report::kStandardOutput;
  });
  return output;
}

}  // namespace

void add_compare_command(CLI::App& app, CommandRunner& selected) {
  auto settings = std::make_shared<CompareSettings>();
  CLI::App* command = app.add_subcommand(
      "compare",
      "Compare two profile reports (SmallMind markdown of either format, our markdown or our JSON; recognised by "
      "content) and gate regressions");
  command->footer(exit_status_footer(CommandGates::some));
  command->add_option("PREV", settings->previous, "Previous (baseline) report")->required()->check(kNonEmptyPath);
  command->add_option("CURR", settings->current, "Current report")->required()->check(kNonEmptyPath);
  command->add_option("OUT", settings->output, "Markdown comparison to write (- for standard output)")
      ->required()
      ->check(kNonEmptyPath);
  command->add_option("--json", settings->json_output, "Also write the comparison as versioned JSON to FILE")
      ->check(kNonEmptyPath);
  command->add_option("--markdown-summary", settings->summary_output,
                      "Also write a short markdown summary for a CI job summary to FILE")
      ->check(kNonEmptyPath);
  add_gate_options(*command, settings->gate);
  command->add_flag("--strict-env", settings->strict_env,
                    "Refuse (exit 2) reports measured on a different CPU, ISA path, build type, thread count or "
                    "tool version");
  command->callback([&selected, settings] { selected = [settings] { return run_compare(*settings); }; });
}

}  // namespace smp::app
