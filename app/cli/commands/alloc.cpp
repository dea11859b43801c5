// `smallmind-prof alloc`: SmallMind's allocation profiler, with the buffer
// pool on and off, writing allocation-profile.txt and .json.
#include <memory>

#include "app/jobs/alloc_job.hpp"
#include "app/cli/commands/command.hpp"
#include "app/cli/commands/shared_options.hpp"

namespace smp::app {

void add_alloc_command(CLI::App& app, CommandRunner& selected) {
  auto options = std::make_shared<AllocOptions>();
  CLI::App* command = app.add_subcommand(
      "alloc", "Measure heap allocations of MatMul backward and a mini training loop, buffer pool on and off");
  command->footer(exit_status_footer(CommandGates::none));
  command->add_option("--output-dir", options->output_dir, "Where the reports go (created if missing)")
      ->check(kNonEmptyPath);
  add_alloc_options(*command, *options, "--repetitions");
  command->callback([&selected, options] { selected = [options] { return run_alloc(*options); }; });
}

}  // namespace smp::app
