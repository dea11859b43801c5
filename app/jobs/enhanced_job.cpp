#include "app/jobs/enhanced_job.hpp"

#include <filesystem>
#include <functional>
#include <memory>

#include <re2/re2.h>

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
#include "report/common/text_escape.hpp"
#include "report/common/timestamp.hpp"

namespace smp::app {
namespace {

namespace fs = std::filesystem;

// Far more than any sensible pattern needs; a larger one is refused as too big.
constexpr std::int64_t kFilterMemory = std::int64_t{8} << 20;
// Enough of a rejected pattern to recognise it, in a one-line message.
constexpr std::size_t kQuotedPatternBytes = 80;

// RE2: linear time in the name, no recursion, and a bounded compiled size,
// whatever the pattern (std::regex overflowed the stack on deep nesting).
std::function<bool(const std::string&)> compile_filter(const std::string& pattern) {
  if (pattern.empty()) return {};
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kFilterMemory);
  auto filter = std::make_shared<const RE2>(pattern, options);
  if (!filter->ok()) {
    throw UsageError("--filter '" + report::shortened(pattern, kQuotedPatternBytes) +
                     "' is not a valid regular expression: " + report::shortened(filter->error(), kQuotedPatternBytes));
  }
  return [filter](const std::string& name) { return RE2::PartialMatch(name, *filter); };
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
    spdlog::info("peak: {:.1f} GFLOPS, {:.1f} GB/s", peak.gflops, peak.gbps);
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
  check_output_directory(directory);
  const report::ProfileRecord profile = measure_enhanced(options, plan);
  // Render everything first: existing reports are replaced only after a complete run.
  write_outputs(directory, enhanced_reports(profile, options.exports));
  spdlog::info("wrote {} ({} scopes, {:.0f} ms measured, scope overhead {:.1f} ns)",
               (directory / "enhanced-profile-report.md").string(), profile.scopes.size(),
               profile.context->measured.wall_ms, profile.context->measured.scope_overhead_ns);
  return kExitSuccess;
}

}  // namespace smp::app
