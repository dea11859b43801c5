#pragma once
// The alloc command's work, separate from its option wiring, in steps the run
// command reuses: measure the workloads, render allocation-profile.txt and
// allocation-profile.json, write them.
#include <string>
#include <vector>

#include "app/jobs/command_output.hpp"
#include "app/outputs/output_files.hpp"
#include "report/records/alloc_record.hpp"

namespace smp::app {

// Far above any useful run (SmallMind measures 100 iterations and 50 steps
// once; 100'000 iterations take about a minute per repetition here): larger
// values are typing mistakes, refused before anything runs.
inline constexpr int kMaxAllocIterations = 100'000;
inline constexpr int kMaxAllocRepetitions = 1'000;

struct AllocOptions {
  std::string output_dir = ".";
  int iterations = 100;   // MatMul backward iterations per repetition (SmallMind's 100)
  int steps = 50;         // training steps per repetition (SmallMind's 50)
  int repetitions = 5;
  std::string pool = "both";  // on | off | both
};

// Runs both workloads in the requested pool modes on the current kernel threads.
report::AllocationRecord measure_alloc(const AllocOptions& options);

// allocation-profile.txt and allocation-profile.json.
std::vector<OutputFile> alloc_reports(const report::AllocationRecord& record);

// The whole command into options.output_dir.
CommandOutput run_alloc(const AllocOptions& options);

}  // namespace smp::app
