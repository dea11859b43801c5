// `smallmind-prof run`: enhanced, alloc and the comparison against a baseline
// in one command, written as one results directory.
#include <memory>

#include "app/cli/commands/command.hpp"
#include "app/cli/commands/shared_options.hpp"
#include "app/jobs/gate_settings.hpp"
#include "app/jobs/results_job.hpp"

namespace smp::app {

void add_run_command(CLI::App& app, CommandRunner& selected) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand(
      "run",
      "Profile the suite and the allocation workloads, compare against a baseline, and write a results directory "
      "with a summary, charts, an index and the log");
  command->footer(exit_status_footer(CommandGates::some));
  command
      ->add_option("--output-dir", options->output_dir,
                   "Results directory: new, empty, or an earlier run's, which is replaced as a whole (default "
                   "profiling-results-YYYYMMDD-HHMMSS)")
      ->check(kNonEmptyPath);
  CLI::Option* baseline = command->add_option(
      "--baseline", options->baseline,
      "A previous results directory or a report file of any format compare reads (default: this machine's entry "
      "of the baselines directory)");
  baseline->check(kNonEmptyPath);
  CLI::Option* no_baseline =
      command->add_flag("--no-baseline", options->no_baseline, "Compare against nothing: profile only");
  baseline->excludes(no_baseline);
  command->add_option("--baselines-dir", options->baselines_dir,
                      "Per-machine baselines directory, one entry per CPU model and signature, ISA path, thread count and build "
                      "type, listed in its index.json (default: share/smallmind-prof/baselines beside the installed "
                      "executable; in a build tree, the source tree's baselines/); without this machine's entry, another machine's is used for allocations only and "
                      "timings are not compared");
  command->add_flag("--save-baseline", options->save_baseline,
                    "After the run, record its profile and allocation reports as this machine's entry of the "
                    "baselines directory, replacing that entry and updating index.json (Release builds only, never "
                    "with --inject-slowdown). The run is still compared with the previous entry first and exits "
                    "with its verdict: add --report-only to exit 0, or --no-baseline to skip the comparison)");
  command->add_flag("--strict-env", options->strict_env,
                    "Refuse (exit 2) a baseline from another machine (CPU model or signature, ISA path, thread count or build "
                    "type) instead of comparing its allocations only");
  add_enhanced_options(*command, options->enhanced);
  add_export_option(*command, options->enhanced.exports);
  add_alloc_options(*command, options->alloc, "--alloc-repetitions");
  add_gate_options(*command, options->gate);
  command->callback([&selected, options] { selected = [options] { return run_profiling(*options); }; });
}

}  // namespace smp::app
