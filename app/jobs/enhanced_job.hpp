#pragma once
// The enhanced command's work, separate from its option wiring, in steps the
// run command reuses: plan (validates the options), measure, render, write.
#include <cstdint>
#include <string>
#include <vector>

#include "app/jobs/command_output.hpp"
#include "app/outputs/output_files.hpp"
#include "app/workloads/suite.hpp"
#include "report/records/records.hpp"
#include "report/common/workload.hpp"

namespace smp::app {

inline constexpr int kMaxRepetitions = 100000;
inline constexpr int kMaxProcesses = 1000;
inline constexpr int kMaxThreads = 256;
// Repetitions are spread over processes, since each new process lands
// somewhere else (memory placement, frequency, neighbours): 5 × 4 = 20
// samples by default, 5 × 1 with --quick.
inline constexpr int kDefaultProcesses = 5;
inline constexpr int kDefaultRepetitions = 4;  // per process
inline constexpr int kQuickRepetitions = 1;

struct EnhancedOptions {
  int repetitions = 0;  // per process; 0: the default (or --quick's)
  int processes = kDefaultProcesses;
  bool quick = false;
  std::string filter;      // RE2: run the cases with a scope name matching it
  std::string filter_out;  // RE2: drop the cases with a scope name matching it
  bool list = false;       // print the selected cases' scopes and work instead of measuring
  int threads = 1;
  std::uint64_t seed = kDefaultSeed;
  std::string decode = "full";
  std::string output_dir = ".";
  bool skip_peak = false;
  std::vector<std::string> exports;
  std::vector<std::string> slowdowns;  // SCOPE=PCT, a self-test of the gate
  int turn_fd = -1;  // ab's lock step (app/workloads/turn_channel.hpp); -1: none
};

// The repetitions per process the options ask for (explicit, --quick's or the default).
int enhanced_repetitions(const EnhancedOptions& options);

// The enhanced command line (after the program name) that measures what
// `options` ask for, without the output directory and exports.
std::vector<std::string> enhanced_arguments(const EnhancedOptions& options);

// Builds the selected cases; UsageError for an invalid filter or one that selects nothing.
SuitePlan plan_enhanced(const EnhancedOptions& options);

// The settings a run of `plan` records in its report's context.
report::RunSettings run_settings(const EnhancedOptions& options, const SuitePlan& plan);

// Calibrates the machine's peak (unless skipped), runs the plan (in this
// process, or in options.processes child processes) and returns the profile.
report::ProfileRecord measure_enhanced(const EnhancedOptions& options, const SuitePlan& plan);

// enhanced-profile-report.md and .json, then the requested exports.
std::vector<OutputFile> enhanced_reports(const report::ProfileRecord& profile, const std::vector<std::string>& exports);

// The whole command into options.output_dir (or, with --list, the listing only).
CommandOutput run_enhanced(const EnhancedOptions& options);

}  // namespace smp::app
