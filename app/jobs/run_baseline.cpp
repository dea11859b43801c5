#include "app/jobs/run_baseline.hpp"

#include "app/outputs/install_layout.hpp"
#include "report/common/errors.hpp"
#include "report/common/file_names.hpp"

namespace smp::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStrictRefusal = "; --strict-env refuses a comparison whose timings are not comparable";

ChosenBaseline explicit_baseline(const RunOptions& options, const report::MachineFingerprint& machine) {
  ChosenBaseline chosen{load_baseline(options.baseline), "given with --baseline", ""};
  const auto& context = chosen.baseline.profile.context;
  if (!context || report::fingerprint_of(*context) == machine) return chosen;
  const std::string machines = "another machine (" + report::describe_fingerprint(report::fingerprint_of(*context)) +
                               ") than this run (" + report::describe_fingerprint(machine) + ")";
  if (options.strict_env) throw InputError(options.baseline, "was measured on " + machines + kStrictRefusal);
  chosen.warning = "the baseline " + options.baseline + " was measured on " + machines +
                   ": timings are not comparable, allocations are still gated";
  return chosen;
}

}  // namespace

fs::path baselines_directory(const RunOptions& options) {
  return options.baselines_dir.empty() ? default_baselines_directory() : fs::path(options.baselines_dir);
}

std::optional<ChosenBaseline> choose_run_baseline(const RunOptions& options, const report::MachineFingerprint& machine) {
  if (options.no_baseline) return std::nullopt;
  if (!options.baseline.empty()) return explicit_baseline(options, machine);
  const fs::path directory = baselines_directory(options);
  const fs::path index = directory / kBaselineIndexFile;
  MachineBaseline found = load_machine_baseline(directory, machine);
  if (found.this_machine) {
    return ChosenBaseline{std::move(found.baseline),
                          "default: this machine's entry `" + found.folder + "` of " + index.string(), ""};
  }
  const std::string missing = "no baseline for this machine (" + report::describe_fingerprint(machine) + ")";
  if (options.strict_env) {
    throw InputError(index, "has " + missing + kStrictRefusal + " (record this machine's with run --save-baseline)");
  }
  return ChosenBaseline{std::move(found.baseline),
                        "default: " + index.string() + " has no entry for this machine, so another machine's `" +
                            found.folder + "`, for allocations only",
                        missing + " in " + index.string() + ": timings are not comparable, allocations are " +
                            "compared with `" + found.folder + "`; record this machine's with " +
                            "`smallmind-prof run --save-baseline`"};
}

}  // namespace smp::app
