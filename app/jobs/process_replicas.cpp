#include "app/jobs/process_replicas.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "app/jobs/child_process.hpp"
#include "app/outputs/install_layout.hpp"
#include "kernels/isa.hpp"
#include "report/common/errors.hpp"
#include "report/common/exit_codes.hpp"
#include "report/common/file_names.hpp"
#include "report/formats/read_report.hpp"
#include "report/records/merge_processes.hpp"

namespace smp::app {

namespace fs = std::filesystem;

report::ProfileRecord measure_in_processes(const EnhancedOptions& options, const report::RunContext& context) {
  EnhancedOptions child = options;
  child.processes = 1;
  child.skip_peak = true;
  const ScratchDirectory scratch("smallmind-prof-processes");
  const fs::path executable = this_executable();
  std::vector<report::ProfileRecord> profiles;
  std::uint64_t padding = options.seed;
  for (int process = 0; process < options.processes; ++process) {
    spdlog::info("process {}/{}", process + 1, options.processes);
    const fs::path directory = scratch.path() / std::to_string(process);
    std::vector<std::string> arguments{"-q"};
    for (std::string& argument : enhanced_arguments(child)) arguments.push_back(std::move(argument));
    arguments.insert(arguments.end(), {"--output-dir", directory.string()});
    const fs::path log = scratch.path() / (std::to_string(process) + ".log");
    // The child runs the kernel path this process runs, however it was chosen.
    std::vector<std::string> environment = random_layout_environment(padding);
    environment.push_back("SMALLMIND_ISA=" + std::string(kernels::isa_name(kernels::active_isa())));
    const int status = run_child(executable, arguments, log, environment);
    const std::string which = "measuring process " + std::to_string(process + 1) + " of " +
                              std::to_string(options.processes);
    // A child refusing its input or output (a full disk, say) is the same
    // refusal here; anything else is this tool's failure.
    if (status == kExitInvalid) throw InputError(directory, which + " failed: " + last_log_line(log));
    if (status != 0) {
      throw std::runtime_error(which + " exited with status " + std::to_string(status) + ": " + last_log_line(log));
    }
    profiles.push_back(report::read_report(directory / kProfileJsonFile));
  }
  report::ProfileRecord merged = report::merge_processes(profiles);
  report::RunContext measured = context;
  measured.measured.models = merged.context->measured.models;
  measured.measured.scope_overhead_ns = merged.context->measured.scope_overhead_ns;
  measured.measured.wall_ms = merged.context->measured.wall_ms;
  merged.context = measured;
  return merged;
}

}  // namespace smp::app
