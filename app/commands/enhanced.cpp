// `smallmind-prof enhanced`: runs the suite and writes the markdown and JSON
// reports (and optional exports) into the output directory.
#include <filesystem>
#include <regex>
#include <string>

#include <spdlog/spdlog.h>

#include "app/commands/command.hpp"
#include "app/exit_codes.hpp"
#include "app/enhanced_run.hpp"

namespace smp::app {

void add_enhanced_command(CLI::App& app, CommandRunner& selected) {
  auto options = std::make_shared<EnhancedOptions>();
  CLI::App* command = app.add_subcommand(
      "enhanced", "Profile SmallMind's 29-scope suite: kernels, tensor ops, Small and Medium GPT generation");
  command->add_option("--repetitions", options->repetitions,
                      "Measured repetitions of the whole suite after one untimed warm-up pass")
      ->check(CLI::Range(1, kMaxRepetitions));
  command->add_flag("--quick", options->quick, "Fewer repetitions, for a run of about a second");
  command->add_option("--filter", options->filter, "Run only cases with a scope name matching this regex");
  command->add_option("--threads", options->threads, "Kernel threads (default 1, for reproducible figures)")
      ->check(CLI::Range(1, kMaxThreads));
  command->add_option("--seed", options->seed, "Seed for inputs and model weights");
  command->add_option("--decode", options->decode, "Generation mode: full (SmallMind's) or kv (adds KV-cache scopes)")
      ->check(CLI::IsMember({"full", "kv"}));
  command->add_option("--output-dir", options->output_dir, "Where the reports go (created if missing)");
  command->add_flag("--no-peak", options->skip_peak, "Skip the ~100 ms FMA and memory-bandwidth calibration");
  command->add_option("--export", options->exports, "Extra outputs: gbench (Google Benchmark JSON)")
      ->check(CLI::IsMember({"gbench"}))
      ->delimiter(',');
  command->callback([&selected, options] { selected = [options] { return run_enhanced(*options); }; });
}

}  // namespace smp::app
