#include "app/jobs/alloc_job.hpp"

#include <chrono>
#include <filesystem>

#include <spdlog/spdlog.h>

#include "app/workloads/alloc_workloads.hpp"
#include "app/outputs/output_dir.hpp"
#include "kernels/kernels.hpp"
#include "report/formats/alloc_text.hpp"
#include "report/formats/alloc_json.hpp"
#include "report/measure/environment.hpp"
#include "report/measure/memory_layout.hpp"
#include "report/common/file_names.hpp"

namespace smp::app {

report::AllocationRecord measure_alloc(const AllocOptions& options) {
  report::steady_heap_layout();
  const AllocWorkloadSettings settings{.iterations = options.iterations,
                                       .steps = options.steps,
                                       .repetitions = options.repetitions,
                                       .pool_on = options.pool != "off",
                                       .pool_off = options.pool != "on"};
  report::AllocationRecord record;
  record.context = report::collect_context(
      {.threads = kernels::thread_count(), .seed = kDefaultSeed, .repetitions = options.repetitions, .processes = 1,
       .injected_slowdowns = {}});
  if (report::is_unoptimised_build(record.context.machine)) {
    spdlog::warn("this is a {} build: its timings do not represent an optimised build",
                 record.context.machine.build_type);
  }

  const auto start = std::chrono::steady_clock::now();
  record.workloads = run_alloc_workloads(settings);
  record.context.measured.wall_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return record;
}

std::vector<OutputFile> alloc_reports(const report::AllocationRecord& record) {
  return {{std::string(kAllocTextFile),
           "heap allocations of MatMul backward and a mini training loop, buffer pool on and off, in "
           "SmallMind's AllocationProfiler layout",
           report::alloc_to_text(record)},
          {std::string(kAllocJsonFile), "the same allocation profile as versioned JSON with every repetition's sample",
           report::alloc_to_json(record)}};
}

CommandOutput run_alloc(const AllocOptions& options) {
  const std::filesystem::path directory = options.output_dir;
  check_output_directory(directory);
  const report::AllocationRecord record = measure_alloc(options);
  return write_measured_outputs(directory, alloc_reports(record), report::alloc_table(record), kAllocTextFile,
                                kAllocJsonFile);
}

}  // namespace smp::app
