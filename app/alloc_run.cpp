#include "alloc_run.hpp"

#include <chrono>
#include <filesystem>

#include <spdlog/spdlog.h>

#include "app/alloc_workloads.hpp"
#include "app/exit_codes.hpp"
#include "app/output_dir.hpp"
#include "kernels/kernels.hpp"
#include "report/alloc_report.hpp"
#include "report/atomic_file.hpp"
#include "report/environment.hpp"

namespace smp::app {

int run_alloc(const AllocOptions& options) {
  const std::filesystem::path directory = options.output_dir;
  prepare_output_directory(directory);

  const AllocWorkloadSettings settings{.iterations = options.iterations,
                                       .steps = options.steps,
                                       .repetitions = options.repetitions,
                                       .pool_on = options.pool != "off",
                                       .pool_off = options.pool != "on"};
  report::AllocationRecord record;
  record.environment = report::collect_environment(
      {.threads = kernels::thread_count(), .seed = kWorkloadSeed, .repetitions = options.repetitions});
  if (report::is_unoptimised_build(record.environment)) {
    spdlog::warn("this is a {} build: its timings do not represent an optimised build",
                 record.environment.build_type);
  }

  const auto start = std::chrono::steady_clock::now();
  record.workloads = run_alloc_workloads(settings);
  record.environment.wall_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

  const std::filesystem::path text_path = directory / "allocation-profile.txt";
  const std::filesystem::path json_path = directory / "allocation-profile.json";
  report::write_file_atomically(text_path, report::alloc_to_text(record));
  report::write_file_atomically(json_path, report::alloc_to_json(record));
  spdlog::info("alloc: wrote {} and {}", text_path.string(), json_path.string());
  return kExitSuccess;
}

}  // namespace smp::app
