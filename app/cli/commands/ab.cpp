// `smallmind-prof ab BASE CANDIDATE [-- ENHANCED OPTIONS]`: interleaved A/B of
// two executables (or two settings of one) on this machine; see ab_job.hpp.
#include <memory>

#include "app/cli/commands/command.hpp"
#include "app/cli/commands/shared_options.hpp"
#include "app/jobs/ab_job.hpp"

namespace smp::app {

void add_ab_command(CLI::App& app, CommandRunner& selected) {
  auto options = std::make_shared<AbOptions>();
  options->gate.options.threshold_pct = kDefaultAbThresholdPct;
  CLI::App* command = app.add_subcommand(
      "ab",
      "Interleaved A/B on this machine: BASE and CANDIDATE smallmind-prof executables (the same path is allowed) "
      "each run as fresh `enhanced` processes, round by round, compared pairwise; options after -- go to both sides");
  command->footer(exit_status_footer(CommandGates::some));
  command->add_option("BASE", options->base, "The base smallmind-prof executable")->required();
  command->add_option("CANDIDATE", options->candidate, "The candidate smallmind-prof executable")->required();
  command->add_option("ENHANCED_OPTIONS", options->enhanced_args, "After --: enhanced options for both sides");
  command->add_option("--base-args", options->base_args, "enhanced options for the base side only (one string)");
  command->add_option("--candidate-args", options->candidate_args,
                      "enhanced options for the candidate side only (one string)");
  command->add_option("--rounds", options->rounds, "Rounds per look (each one process per side)")
      ->check(CLI::Range(2, kMaxAbRounds));
  command->add_option("--repetitions", options->repetitions, "Repetitions in each side's process per round")
      ->check(CLI::Range(1, 1000));
  command->add_option("--max-seconds", options->max_seconds, "No new round starts after this many seconds")
      ->check(CLI::Range(1.0, 86400.0));
  command->add_option("--order-seed", options->order_seed, "Seed of the randomised order of the two sides within pairs of turns");
  command->add_flag("!--no-hold-cpu", options->hold_cpu,
                   "Let the scheduler place each process, instead of holding a round's two processes on one CPU "
                   "drawn per round (never held when a side runs more than one thread)");
  command->add_option("--output-dir", options->output_dir, "Where ab-comparison.md and .json go");
  command->add_option("--markdown-summary", options->summary_output,
                      "Also write a short markdown summary for a CI job summary to FILE");
  add_gate_options(*command, options->gate);
  command->callback([&selected, options] { selected = [options] { return run_ab(*options); }; });
}

}  // namespace smp::app
