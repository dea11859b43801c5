#pragma once
// The enhanced command's work, separate from its option wiring, in steps the
// run command reuses: plan (validates the options), measure, render, write.
#include <cstdint>
#include <string>
#include <vector>

#include "app/outputs/output_files.hpp"
#include "app/workloads/suite.hpp"
#include "report/records/records.hpp"
#include "report/common/workload.hpp"

namespace smp::app {

inline constexpr int kMaxRepetitions = 100000;
inline constexpr int kMaxThreads = 256;
inline constexpr int kDefaultRepetitions = 20;
inline constexpr int kQuickRepetitions = 5;

struct EnhancedOptions {
  int repetitions = 0;  // 0: the default (or --quick's)
  bool quick = false;
  std::string filter;
  int threads = 1;
  std::uint64_t seed = kDefaultSeed;
  std::string decode = "full";
  std::string output_dir = ".";
  bool skip_peak = false;
  std::vector<std::string> exports;
};

// The repetitions the options ask for (explicit, --quick's or the default).
int enhanced_repetitions(const EnhancedOptions& options);

// Builds the selected cases; UsageError for an invalid filter or one that selects nothing.
SuitePlan plan_enhanced(const EnhancedOptions& options);

// Calibrates the machine's peak (unless skipped), runs the plan and returns the profile.
report::ProfileRecord measure_enhanced(const EnhancedOptions& options, const SuitePlan& plan);

// enhanced-profile-report.md and .json, then the requested exports.
std::vector<OutputFile> enhanced_reports(const report::ProfileRecord& profile, const std::vector<std::string>& exports);

// The whole command into options.output_dir; returns the exit status.
int run_enhanced(const EnhancedOptions& options);

}  // namespace smp::app
