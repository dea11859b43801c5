#include "enhanced_run.hpp"

#include <algorithm>
#include <filesystem>
#include <regex>

#include <spdlog/spdlog.h>

#include "app/exit_codes.hpp"
#include "app/output_dir.hpp"
#include "app/suite.hpp"
#include "kernels/kernels.hpp"
#include "kernels/peak_probe.hpp"
#include "report/atomic_file.hpp"
#include "report/environment.hpp"
#include "report/errors.hpp"
#include "report/gbench_export.hpp"
#include "report/json_io.hpp"
#include "report/markdown_write.hpp"
#include "report/timestamp.hpp"

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

int repetitions_for(const EnhancedOptions& options) {
  if (options.repetitions > 0) return options.repetitions;
  return options.quick ? kQuickRepetitions : kDefaultRepetitions;
}

}  // namespace

int run_enhanced(const EnhancedOptions& options) {
  SuiteOptions suite;
  suite.repetitions = repetitions_for(options);
  suite.filter = compile_filter(options.filter);
  suite.seed = options.seed;
  suite.decode = options.decode == "kv" ? DecodeMode::kv_cache : DecodeMode::full_context;
  const fs::path directory(options.output_dir);
  prepare_output_directory(directory);
  kernels::set_thread_count(options.threads);
  const SuitePlan plan = plan_suite(suite);

  report::ProfileRecord profile;
  profile.generated = report::generated_stamp_now();
  report::Environment environment = report::collect_environment({options.threads, options.seed, suite.repetitions});
  if (report::is_unoptimised_build(environment)) {
    spdlog::warn("this is a {} build: timings are not representative of an optimised build", environment.build_type);
  }
  if (!options.skip_peak) {
    spdlog::info("calibrating machine peak (FMA throughput, memory bandwidth)");
    const kernels::MachinePeak peak = kernels::measure_machine_peak();
    environment.peak_gflops = peak.gflops;
    environment.peak_gbps = peak.gbps;
    spdlog::info("peak: {:.1f} GFLOPS, {:.1f} GB/s", peak.gflops, peak.gbps);
  }

  SuiteResult result = run_suite(plan, [](int repetition, int total) {
    if (repetition == 0) {
      spdlog::info("warm-up pass");
    } else {
      spdlog::info("repetition {}/{}", repetition, total);
    }
  });
  environment.models = result.models;
  environment.scope_overhead_ns = result.scope_overhead_ns;
  environment.wall_ms = result.wall_ms;
  profile.scopes = std::move(result.scopes);
  profile.environment = environment;

  // Render everything first: existing reports are replaced only after a complete run.
  const std::string markdown = report::render_profile_markdown(profile);
  const std::string json = report::profile_to_json(profile);
  const bool want_gbench = std::find(options.exports.begin(), options.exports.end(), "gbench") != options.exports.end();
  const std::string gbench = want_gbench ? report::profile_to_gbench_json(profile) : std::string();

  report::write_file_atomically(directory / "enhanced-profile-report.md", markdown);
  report::write_file_atomically(directory / "enhanced-profile-report.json", json);
  if (want_gbench) report::write_file_atomically(directory / "enhanced-profile-report.gbench.json", gbench);
  spdlog::info("wrote {} ({} scopes, {:.0f} ms measured, scope overhead {:.1f} ns)",
               (directory / "enhanced-profile-report.md").string(), profile.scopes.size(), environment.wall_ms,
               environment.scope_overhead_ns);
  return kExitSuccess;
}

}  // namespace smp::app
