#pragma once
// `run`: the enhanced suite, the allocation workloads and the comparison
// against a baseline in one command, written as one results directory with a
// summary derived from the records, charts, an index and the console log.
#include <string>

#include "app/jobs/alloc_job.hpp"
#include "app/jobs/enhanced_job.hpp"
#include "app/jobs/command_output.hpp"
#include "app/jobs/gate_settings.hpp"

namespace smp::app {

struct RunOptions {
  EnhancedOptions enhanced;    // its output_dir is not used
  AllocOptions alloc;          // its output_dir is not used
  std::string output_dir;      // empty: profiling-results-YYYYMMDD-HHMMSS in the current directory
  std::string baseline;        // empty: this machine's entry of baselines_dir
  std::string baselines_dir;   // empty: default_baselines_directory()
  bool no_baseline = false;
  bool strict_env = false;     // refuse (exit 2) a baseline from another machine
  bool save_baseline = false;  // record this run as this machine's entry of baselines_dir
  GateSettings gate;
};

// Everything is validated (options, baseline, output directory) before
// anything runs, and rendered before anything is written. Its status is the
// gate's, as `compare` gives it. With --list, the listing only.
CommandOutput run_profiling(const RunOptions& options);

}  // namespace smp::app
