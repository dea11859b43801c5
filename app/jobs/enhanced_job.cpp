#include "app/jobs/enhanced_job.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <set>
#include <string_view>

#include <re2/re2.h>

#include <spdlog/spdlog.h>

#include "report/common/exit_codes.hpp"
#include "app/jobs/design_power.hpp"
#include "app/jobs/process_replicas.hpp"
#include "app/jobs/scope_percent.hpp"
#include "app/jobs/suite_listing.hpp"
#include "app/outputs/output_dir.hpp"
#include "app/outputs/profile_exports.hpp"
#include "app/workloads/turn_channel.hpp"
#include "kernels/kernels.hpp"
#include "kernels/peak/peak_probe.hpp"
#include "report/measure/environment.hpp"
#include "report/measure/memory_layout.hpp"
#include "report/common/errors.hpp"
#include "report/formats/profile_json.hpp"
#include "report/formats/markdown_write.hpp"
#include "report/common/text_escape.hpp"
#include "report/common/timestamp.hpp"
#include "report/common/file_names.hpp"
#include "report/records/comparison_record.hpp"
#include "report/formats/results_table.hpp"
#include "report/formats/scaled_units.hpp"

namespace smp::app {
namespace {

namespace fs = std::filesystem;

// Far more than any sensible pattern needs; a larger one is refused as too big.
constexpr std::int64_t kFilterMemory = std::int64_t{8} << 20;
// Enough of a rejected pattern to recognise it, in a one-line message.
constexpr std::size_t kQuotedPatternBytes = 80;

// RE2: linear time in the name, no recursion, and a bounded compiled size,
// whatever the pattern (std::regex overflowed the stack on deep nesting).
std::function<bool(const std::string&)> compile_filter(const std::string& pattern, std::string_view option) {
  if (pattern.empty()) return {};
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kFilterMemory);
  auto filter = std::make_shared<const RE2>(pattern, options);
  if (!filter->ok()) {
    throw UsageError(std::string(option) + " '" + report::shortened(pattern, kQuotedPatternBytes) +
                     "' is not a valid regular expression: " + report::shortened(filter->error(), kQuotedPatternBytes));
  }
  return [filter](const std::string& name) { return RE2::PartialMatch(name, *filter); };
}

std::vector<report::InjectedSlowdown> parse_slowdowns(const std::vector<std::string>& texts) {
  std::vector<report::InjectedSlowdown> slowdowns;
  for (const std::string& text : texts) {
    const ScopePercent parsed = parse_scope_percent(text, "--inject-slowdown");
    slowdowns.push_back({parsed.scope, parsed.percent});
  }
  return slowdowns;
}

report::ProfileRecord measure_in_this_process(const SuitePlan& plan, report::RunContext context) {
  SuiteResult result = run_suite(plan, [](int repetition, int total) {
    if (repetition == 0) {
      spdlog::info("warm-up pass");
    } else {
      spdlog::info("repetition {}/{}", repetition, total);
    }
  });
  context.measured.models = result.models;
  context.measured.scope_overhead_ns = result.scope_overhead_ns;
  context.measured.wall_ms = result.wall_ms;
  report::ProfileRecord profile;
  profile.format = report::ReportFormat::smallmind_prof_json;
  profile.scopes = std::move(result.scopes);
  profile.context = std::move(context);
  return profile;
}

}  // namespace

int enhanced_repetitions(const EnhancedOptions& options) {
  if (options.repetitions > 0) return options.repetitions;
  return options.quick ? kQuickRepetitions : kDefaultRepetitions;
}

std::vector<std::string> enhanced_arguments(const EnhancedOptions& options) {
  std::vector<std::string> arguments{"enhanced",
                                     "--processes",
                                     std::to_string(options.processes),
                                     "--repetitions",
                                     std::to_string(enhanced_repetitions(options)),
                                     "--threads",
                                     std::to_string(options.threads),
                                     "--seed",
                                     std::to_string(options.seed),
                                     "--decode",
                                     options.decode};
  if (!options.filter.empty()) arguments.insert(arguments.end(), {"--filter", options.filter});
  if (!options.filter_out.empty()) arguments.insert(arguments.end(), {"--filter-out", options.filter_out});
  if (options.skip_peak) arguments.push_back("--no-peak");
  for (const std::string& slowdown : options.slowdowns) arguments.insert(arguments.end(), {"--inject-slowdown", slowdown});
  return arguments;
}

SuitePlan plan_enhanced(const EnhancedOptions& options) {
  report::steady_heap_layout();  // before the plan allocates the buffers the suite measures
  SuiteOptions suite;
  suite.repetitions = enhanced_repetitions(options);
  suite.filter = compile_filter(options.filter, "--filter");
  suite.filter_out = compile_filter(options.filter_out, "--filter-out");
  suite.seed = options.seed;
  suite.decode = options.decode == "kv" ? DecodeMode::kv_cache : DecodeMode::full_context;
  suite.slowdowns = parse_slowdowns(options.slowdowns);
  SuitePlan plan = plan_suite(suite);
  if (options.turn_fd >= 0) {
    if (options.processes != 1) throw UsageError("--turn-fd needs --processes 1: it is one process's lock step");
    const TurnChannel channel(options.turn_fd);
    plan.wait_for_turn = [channel] { channel.wait_for_turn(); };
  }
  return plan;
}

report::RunSettings run_settings(const EnhancedOptions& options, const SuitePlan& plan) {
  return {options.threads, options.seed, plan.repetitions, options.processes, plan.slowdowns};
}

report::ProfileRecord measure_enhanced(const EnhancedOptions& options, const SuitePlan& plan) {
  kernels::set_thread_count(options.threads);
  report::RunContext context = report::collect_context(run_settings(options, plan));
  if (report::is_unoptimised_build(context.machine)) {
    spdlog::warn("this is a {} build: timings are not representative of an optimised build", context.machine.build_type);
  }
  for (const report::InjectedSlowdown& slowdown : plan.slowdowns) {
    spdlog::warn("injecting a {:g} % slowdown into {}: a self-test of the gate, recorded in the report",
                 slowdown.percent, slowdown.scope);
  }
  if (!options.skip_peak) {
    spdlog::info("calibrating machine peak (FMA throughput, memory bandwidth)");
    const kernels::MachinePeak peak = kernels::measure_machine_peak();
    context.measured.peak_gflops = peak.gflops;
    context.measured.peak_gbps = peak.gbps;
    context.measured.peak_isa = std::string(peak.machine_isa);
    context.measured.path_peak_gflops = peak.path_gflops;
    context.measured.peak_gflops_spread = peak.gflops_spread;
    context.measured.peak_gbps_spread = peak.gbps_spread;
    spdlog::info("peak: {:.1f} GFLOPS ({}; {:.1f} on the {} path in use), {:.1f} GB/s", peak.gflops,
                 peak.machine_isa, peak.path_gflops, peak.path_isa, peak.gbps);
  }
  std::set<std::string> scopes;
  for (const SuiteCase& suite_case : plan.cases) scopes.insert(suite_case.scope_names.begin(), suite_case.scope_names.end());
  say_design_power(report::ReplicationDesign::processes, static_cast<std::size_t>(options.processes), scopes.size(), report::kDefaultAlpha);
  report::ProfileRecord profile =
      options.processes == 1 ? measure_in_this_process(plan, context) : measure_in_processes(options, context);
  if (!options.skip_peak) {
    profile.context->measured.peak_gflops_after = kernels::measure_machine_fma_gflops();
    spdlog::info("peak after the run: {:.1f} GFLOPS", profile.context->measured.peak_gflops_after);
  }
  profile.generated = report::iso_timestamp_now();
  return profile;
}

std::vector<OutputFile> enhanced_reports(const report::ProfileRecord& profile, const std::vector<std::string>& exports) {
  std::vector<OutputFile> files{
      {std::string(kProfileMarkdownFile),
       "the suite's profile in SmallMind's enhanced layout, plus per-scope statistics, roofline and environment",
       report::render_profile_markdown(profile)},
      {std::string(kProfileJsonFile), "the same profile as versioned JSON with every raw sample",
       report::profile_to_json(profile)}};
  for (OutputFile& file : profile_exports(profile, exports)) files.push_back(std::move(file));
  return files;
}

CommandOutput run_enhanced(const EnhancedOptions& options) {
  const SuitePlan plan = plan_enhanced(options);
  if (options.list) return suite_listing(plan);
  const fs::path directory(options.output_dir);
  check_output_directory(directory);
  const report::ProfileRecord profile = measure_enhanced(options, plan);
  spdlog::info("measured {} scopes in {} (scope overhead {:.1f} ns)", profile.scopes.size(),
               report::duration_text(profile.context->measured.wall_ms), profile.context->measured.scope_overhead_ns);
  // Render everything first: existing reports are replaced only after a complete run.
  return write_measured_outputs(directory, enhanced_reports(profile, options.exports), report::profile_table(profile),
                                kProfileMarkdownFile, kProfileJsonFile);
}

}  // namespace smp::app
