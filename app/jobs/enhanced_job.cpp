#include "app/jobs/enhanced_job.hpp"

#include <filesystem>
#include <regex>

#include <spdlog/spdlog.h>

#include "report/common/exit_codes.hpp"
#include "app/outputs/output_dir.hpp"
#include "app/outputs/profile_exports.hpp"
#include "kernels/kernels.hpp"
#include "kernels/peak/peak_probe.hpp"
#include "report/measure/environment.hpp"
#include "report/common/errors.hpp"
#include "report/formats/profile_json.hpp"
#include "report/formats/markdown_write.hpp"
#include "report/common/timestamp.hpp"

namespace smp::app {
namespace {

namespace fs = std::filesystem;

std::optional<std::regex> compile_filter(const std::string& pattern) {
  if (pattern.empty()) return std::nullopt;
  try {
    return std::regex(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& error) {
    throw UsageError("--filter '" + pattern + "' is not a valid regular expression: " + error.what());
  }
}

}  // namespace

int enhanced_repetitions(const EnhancedOptions& options) {
  if (options.repetitions > 0) return options.repetitions;
  return options.quick ? kQuickRepetitions : kDefaultRepetitions;
}

SuitePlan plan_enhanced(const EnhancedOptions& options) {
  SuiteOptions suite;
  suite.repetitions = enhanced_repetitions(options);
  suite.filter = compile_filter(options.filter);
  suite.seed = options.seed;
  suite.decode = options.decode == "kv" ? DecodeMode::kv_cache : DecodeMode::full_context;
  return plan_suite(suite);
}

report::ProfileRecord measure_enhanced(const EnhancedOptions& options, const SuitePlan& plan) {
  kernels::set_thread_count(options.threads);
  report::ProfileRecord profile;
  profile.generated = report::generated_stamp_now();
  report::RunContext environment = report::collect_context({options.threads, options.seed, plan.repetitions});
  if (report::is_unoptimised_build(environment.machine)) {
    spdlog::warn("this is a {} build: timings are not representative of an optimised build", environment.machine.build_type);
  }
  if (!options.skip_peak) {
    spdlog::info("calibrating machine peak (FMA throughput, memory bandwidth)");
    const kernels::MachinePeak peak = kernels::measure_machine_peak();
    environment.measured.peak_gflops = peak.gflops;
    environment.measured.peak_gbps = peak.gbps;
    environment.measured.peak_isa = std::string(peak.machine_isa);
    environment.measured.path_peak_gflops = peak.path_gflops;
    environment.measured.peak_gflops_spread = peak.gflops_spread;
    environment.measured.peak_gbps_spread = peak.gbps_spread;
    spdlog::info("peak: {:.1f} GFLOPS ({}; {:.1f} on the {} path in use), {:.1f} GB/s", peak.gflops,
                 peak.machine_isa, peak.path_gflops, peak.path_isa, peak.gbps);
  }

  SuiteResult result = run_suite(plan, [](int repetition, int total) {
    if (repetition == 0) {
      spdlog::info("warm-up pass");
    } else {
      spdlog::info("repetition {}/{}", repetition, total);
    }
  });
  environment.measured.models = result.models;
  environment.measured.scope_overhead_ns = result.scope_overhead_ns;
  environment.measured.wall_ms = result.wall_ms;
  profile.scopes = std::move(result.scopes);
  profile.context = environment;
  return profile;
}

std::vector<OutputFile> enhanced_reports(const report::ProfileRecord& profile, const std::vector<std::string>& exports) {
  std::vector<OutputFile> files{
      {"enhanced-profile-report.md",
       "the suite's profile in SmallMind's enhanced layout, plus per-scope statistics, roofline and environment",
       report::render_profile_markdown(profile)},
      {"enhanced-profile-report.json", "the same profile as versioned JSON with every raw sample",
       report::profile_to_json(profile)}};
  for (OutputFile& file : profile_exports(profile, exports)) files.push_back(std::move(file));
  return files;
}

int run_enhanced(const EnhancedOptions& options) {
  const SuitePlan plan = plan_enhanced(options);
  const fs::path directory(options.output_dir);
  prepare_output_directory(directory);
  const report::ProfileRecord profile = measure_enhanced(options, plan);
  // Render everything first: existing reports are replaced only after a complete run.
  write_outputs(directory, enhanced_reports(profile, options.exports));
  spdlog::info("wrote {} ({} scopes, {:.0f} ms measured, scope overhead {:.1f} ns)",
               (directory / "enhanced-profile-report.md").string(), profile.scopes.size(),
               profile.context->measured.wall_ms, profile.context->measured.scope_overhead_ns);
  return kExitSuccess;
}

}  // namespace smp::app
