// `smallmind-prof alloc`: SmallMind's allocation profiler, with the buffer
// pool on and off, writing allocation-profile.txt and .json.
#include <memory>

#include "app/alloc_run.hpp"
#include "app/commands/command.hpp"

namespace smp::app {

void add_alloc_command(CLI::App& app, CommandRunner& selected) {
  auto options = std::make_shared<AllocOptions>();
  CLI::App* command = app.add_subcommand(
      "alloc", "Measure heap allocations of MatMul backward and a mini training loop, buffer pool on and off");
  command->add_option("--output-dir", options->output_dir, "Where the reports go (created if missing)")
      ->capture_default_str();
  command->add_option("--iterations", options->iterations, "Measured MatMul backward iterations per repetition")
      ->capture_default_str()
      ->check(CLI::Range(1, kMaxAllocIterations));
  command->add_option("--steps", options->steps, "Measured training steps per repetition")
      ->capture_default_str()
      ->check(CLI::Range(1, kMaxAllocIterations));
  command->add_option("--repetitions", options->repetitions, "Repetitions of each whole measured loop")
      ->capture_default_str()
      ->check(CLI::Range(1, kMaxAllocRepetitions));
  command->add_option("--pool", options->pool, "Buffer pool mode: on, off or both (saving measured)")
      ->capture_default_str()
      ->check(CLI::IsMember({"on", "off", "both"}));
  command->callback([&selected, options] { selected = [options] { return run_alloc(*options); }; });
}

}  // namespace smp::app
