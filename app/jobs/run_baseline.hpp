#pragma once
// Which baseline `run` compares against, chosen before anything is measured:
// --baseline PATH, else this machine's entry of the baselines directory, else
// another machine's entry for its allocations only (the gate does not compare
// timings across machines). --strict-env refuses both cross-machine cases.
#include <filesystem>
#include <optional>
#include <string>

#include "app/jobs/results_job.hpp"
#include "app/outputs/baseline.hpp"
#include "report/records/machine_fingerprint.hpp"

namespace smp::app {

struct ChosenBaseline {
  Baseline baseline;
  std::string origin;   // how it was chosen, for the results index
  std::string warning;  // why its timings are not comparable; empty when they are
};

std::filesystem::path baselines_directory(const RunOptions& options);

// Nothing with --no-baseline; InputError for a baseline that cannot be used.
std::optional<ChosenBaseline> choose_run_baseline(const RunOptions& options, const report::MachineFingerprint& machine);

}  // namespace smp::app
