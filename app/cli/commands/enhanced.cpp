// `smallmind-prof enhanced`: runs the suite and writes the markdown and JSON
// reports (and optional exports) into the output directory.
#include <memory>

#include "app/cli/commands/command.hpp"
#include "app/cli/commands/shared_options.hpp"
#include "app/jobs/enhanced_job.hpp"

namespace smp::app {

void add_enhanced_command(CLI::App& app, CommandRunner& selected) {
  auto options = std::make_shared<EnhancedOptions>();
  CLI::App* command = app.add_subcommand(
      "enhanced", "Profile SmallMind's 29-scope suite: kernels, tensor ops, Small and Medium GPT generation");
  command->footer(exit_status_footer(CommandGates::none));
  add_enhanced_options(*command, *options);
  command->add_option("--output-dir", options->output_dir, "Where the reports go (created if missing)")
      ->check(kNonEmptyPath);
  add_export_option(*command, options->exports);
  command->add_option("--turn-fd", options->turn_fd,
                      "Take turns, one case at a time, with another process over this socket (ab's lock step; ab "
                      "sets it)")
      ->check(CLI::NonNegativeNumber);
  command->callback([&selected, options] { selected = [options] { return run_enhanced(*options); }; });
}

}  // namespace smp::app
