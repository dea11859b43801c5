#include "app/jobs/gate_settings.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "app/jobs/scope_percent.hpp"
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "report/common/exit_codes.hpp"
#include "report/formats/gate_text.hpp"

namespace smp::app {
namespace {

const CLI::Validator kOpenUnitInterval(
    [](std::string& text) -> std::string {
      try {
        const double value = std::stod(text);
        if (value > 0.0 && value < 1.0) return {};
      } catch (const std::exception&) {
      }
      return "must be a number between 0 and 1 (exclusive), got " + text;
    },
    "(0,1)");

// "5" or "5%". CLI::NonNegativeNumber lets "nan" and "inf" through, and a NaN
// threshold would make every comparison against it false: the gate could never fail.
const CLI::Validator kPercentage(
    [](std::string& text) -> std::string {
      if (parse_percent(text)) {
        if (text.ends_with('%')) text.pop_back();
        return {};
      }
      return "must be a finite percentage of 0 or more (5 or 5%), got " + text;
    },
    "PERCENT");

const std::vector<std::string> kGateChoices{"time", "alloc", "time,alloc", "alloc,time"};

// Each value of --gate as written, none other; the help shows the choices
// apart (CLI::IsMember would list them comma-joined, which reads as one list).
const CLI::Validator kGateChoice(
    [](std::string& text) -> std::string {
      if (std::find(kGateChoices.begin(), kGateChoices.end(), text) != kGateChoices.end()) return {};
      return "must be time, alloc or time,alloc, got " + text;
    },
    "");

}  // namespace

void add_gate_options(CLI::App& command, GateSettings& settings) {
  command.add_option("--threshold", settings.options.threshold_pct,
                     "Time change in percent (5 or 5%) beyond which a scope (or the total, without samples) regresses")
      ->transform(kPercentage);
  command.add_option("--threshold-for", settings.scope_thresholds,
                     "SCOPE=PCT: the time threshold for that scope instead of --threshold (repeatable; 5 or 5%)");
  command.add_option("--alpha", settings.options.alpha,
                     "Significance level, Holm-corrected across scopes (reports with raw samples)")
      ->check(kOpenUnitInterval);
  command.add_option("--gate", settings.gate, "What fails the gate: time, alloc or both (time,alloc)")
      ->type_name("time|alloc|time,alloc")
      ->check(kGateChoice);
  command.add_option("--alloc-threshold", settings.options.alloc_threshold_pct,
                     "Allocation count or bytes growth in percent that fails the alloc gate")
      ->transform(kPercentage);
  command.add_option("--fail-on", settings.fail_on,
                     "Also fail (exit 1) on: inconclusive (a time change the test could not settle), missing (a "
                     "scope in one report only); a comma-separated list")
      ->delimiter(',')
      ->check(CLI::IsMember({std::string(kFailOnInconclusive), std::string(kFailOnMissing)}));
  command.add_option("--accept-slowdown", settings.accepted,
                     "SCOPE=PCT: a slowdown of SCOPE up to PCT % is intended and does not fail the gate (repeatable)");
  command.add_flag("--report-only", settings.report_only,
                   "Write the reports and exit 0 whatever the verdict (2 still for invalid input)");
}

report::GateOptions resolved_gate_options(const GateSettings& settings) {
  report::GateOptions options = settings.options;
  options.gate_time = settings.gate.find("time") != std::string::npos;
  options.gate_alloc = settings.gate.find("alloc") != std::string::npos;
  const auto fails_on = [&settings](std::string_view what) {
    return std::find(settings.fail_on.begin(), settings.fail_on.end(), what) != settings.fail_on.end();
  };
  options.fail_on_inconclusive = fails_on(kFailOnInconclusive);
  options.fail_on_missing = fails_on(kFailOnMissing);
  for (const std::string& text : settings.scope_thresholds) {
    const ScopePercent threshold = parse_scope_percent(text, "--threshold-for");
    options.scope_threshold_pct[threshold.scope] = threshold.percent;
  }
  for (const std::string& text : settings.accepted) {
    const ScopePercent accepted = parse_scope_percent(text, "--accept-slowdown");
    options.accepted.push_back({accepted.scope, accepted.percent});
  }
  return options;
}

void log_gate_decisions(const report::GateResult& gate) {
  spdlog::debug("gate: {}{}", report::method_text(gate), gate.method_reason.empty() ? "" : " (" + gate.method_reason + ")");
  for (const report::ScopeStatistics& stats : gate.scopes) {
    const std::string interval =
        stats.ratio_interval ? fmt::format("[{:.4f}, {:.4f}]", stats.ratio_interval->low, stats.ratio_interval->high)
                             : std::string("none");
    spdlog::debug("gate: {}: {:.6g} -> {:.6g} ms, ratio {}, interval {}, p {:.3g}, Holm p {:.3g}, threshold {:g}%: {}{}",
                  stats.name, stats.previous_median_ms, stats.current_median_ms,
                  stats.ratio ? fmt::format("{:.4f}", *stats.ratio) : std::string("none"), interval, stats.p_value,
                  stats.p_adjusted, stats.threshold_pct, report::scope_verdict_name(stats.verdict),
                  stats.tested ? "" : " (nested: shown, not tested)");
  }
  for (const report::AllocationChange& change : gate.allocations) {
    spdlog::debug("gate: allocations of {}: {} -> {} bytes{}", change.name, change.previous_bytes, change.current_bytes,
                  change.exceeded ? ", beyond the allocation threshold" : "");
  }
  spdlog::debug("gate: verdict {}", report::verdict_word(gate.verdict));
}

int gate_exit_status(const GateSettings& settings, const report::GateResult& gate) {
  if (settings.report_only) return kExitSuccess;
  if (gate.verdict == report::GateVerdict::regression) return kExitGateFailed;
  if (gate.verdict == report::GateVerdict::inconclusive && gate.options.fail_on_inconclusive) return kExitGateFailed;
  return kExitSuccess;
}

}  // namespace smp::app
