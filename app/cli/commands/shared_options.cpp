#include "app/cli/commands/shared_options.hpp"

#include <charconv>
#include <cstdint>
#include <string>

#include "app/outputs/profile_exports.hpp"
#include "report/common/exit_codes.hpp"

namespace smp::app {
namespace {

// Only the digits of an unsigned 64-bit number: CLI11 alone takes "-1" and
// out-of-range values for an unsigned option and converts them to some other seed.
const CLI::Validator kSeedValue(
    [](std::string& text) -> std::string {
      std::uint64_t value = 0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (!text.empty() && error == std::errc{} && end == text.data() + text.size()) return {};
      return "must be a whole number from 0 to 18446744073709551615, got " + text;
    },
    "UINT64");

}  // namespace

const CLI::Validator kNonEmptyPath(
    [](std::string& text) -> std::string { return text.empty() ? "the file name is empty" : ""; }, "PATH");

std::string exit_status_footer(CommandGates gates) {
  std::string text = "Exit status: " + std::to_string(kExitSuccess) + " success";
  if (gates == CommandGates::some) {
    text += " (the gate passed, or --report-only), " + std::to_string(kExitGateFailed) + " a regression gate failed";
  } else if (gates == CommandGates::some_commands) {
    text += ", " + std::to_string(kExitGateFailed) + " a regression gate failed (compare, ab, run)";
  }
  return text + ", " + std::to_string(kExitInvalid) + " usage error or invalid input (one line on stderr, no output " +
         "written), " + std::to_string(kExitInternalError) + " internal error.";
}

void add_enhanced_options(CLI::App& command, EnhancedOptions& options) {
  command.add_option("--repetitions", options.repetitions,
                     "Measured repetitions of the whole suite in each process, after one untimed warm-up pass")
      ->default_str(std::to_string(kDefaultRepetitions) + " (--quick: " + std::to_string(kQuickRepetitions) + ")")
      ->check(CLI::Range(1, kMaxRepetitions));
  command.add_option("--processes", options.processes,
                     "Separate processes the repetitions run in: the unit the regression gate compares")
      ->check(CLI::Range(1, kMaxProcesses));
  command.add_flag("--quick", options.quick,
                   "One repetition per process (" + std::to_string(kQuickRepetitions) + "), for a run of about a second");
  command.add_option("--inject-slowdown", options.slowdowns,
                     "SCOPE=PCT: make the work inside SCOPE take PCT % longer, to prove the gate (recorded in the "
                     "report; repeatable)");
  command.add_option("--filter", options.filter,
                     "Run only the cases with a scope name matching this regex (RE2 syntax; --list shows the names)");
  command.add_option("--filter-out", options.filter_out,
                     "Leave out the cases with a scope name matching this regex (RE2; applied after --filter)");
  command.add_flag("--list", options.list,
                   "Print the scopes the selected cases record, with the work of one kernel call, and exit without "
                   "measuring");
  command.add_option("--threads", options.threads, "Kernel threads (1 for reproducible figures)")
      ->check(CLI::Range(1, kMaxThreads));
  command.add_option("--seed", options.seed, "Seed for inputs and model weights")->check(kSeedValue);
  command.add_option("--decode", options.decode, "Generation mode: full (SmallMind's) or kv (adds KV-cache scopes)")
      ->check(CLI::IsMember({"full", "kv"}));
  command.add_flag("--no-peak", options.skip_peak, "Skip the FMA and memory-bandwidth calibrations (~0.3 s before the run, ~0.05 s after)");
}

void add_export_option(CLI::App& command, std::vector<std::string>& exports) {
  command
      .add_option("--export", exports,
                  "Extra outputs: gbench (Google Benchmark JSON), github (github-action-benchmark "
                  "customSmallerIsBetter JSON), bencher (Bencher Metric Format JSON); comma-separated")
      ->check(CLI::IsMember(std::vector<std::string>(kExportFormats.begin(), kExportFormats.end())))
      ->delimiter(',');
}

void add_alloc_options(CLI::App& command, AllocOptions& options, const std::string& repetitions_option) {
  command.add_option("--iterations", options.iterations, "Measured MatMul backward iterations per repetition")
      ->check(CLI::Range(1, kMaxAllocIterations));
  command.add_option("--steps", options.steps, "Measured training steps per repetition")
      ->check(CLI::Range(1, kMaxAllocIterations));
  command.add_option(repetitions_option, options.repetitions, "Repetitions of each whole measured allocation loop")
      ->check(CLI::Range(1, kMaxAllocRepetitions));
  command.add_option("--pool", options.pool, "Buffer pool mode: on, off or both (saving measured)")
      ->check(CLI::IsMember({"on", "off", "both"}));
}

}  // namespace smp::app
