#include "app/jobs/gate_settings.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "app/jobs/scope_percent.hpp"
#include "report/common/exit_codes.hpp"

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

// CLI::NonNegativeNumber lets "nan" and "inf" through, and a NaN threshold
// would make every comparison against it false: the gate could never fail.
const CLI::Validator kPercentage(
    [](std::string& text) -> std::string {
      double value = 0.0;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error == std::errc{} && end == text.data() + text.size() && std::isfinite(value) && value >= 0.0) return {};
      return "must be a finite percentage of 0 or more, got " + text;
    },
    "PERCENT");

}  // namespace

void add_gate_options(CLI::App& command, GateSettings& settings) {
  command.add_option("--threshold", settings.options.threshold_pct,
                     "Time change in percent beyond which a scope (or the total, without samples) regresses")
      ->check(kPercentage)
      ->capture_default_str();
  command.add_option("--alpha", settings.options.alpha,
                     "Significance level, Holm-corrected across scopes (reports with raw samples)")
      ->check(kOpenUnitInterval)
      ->capture_default_str();
  command.add_option("--gate", settings.gate, "What fails the gate: time, alloc or time,alloc")
      ->check(CLI::IsMember({"time", "alloc", "time,alloc", "alloc,time"}))
      ->capture_default_str();
  command.add_option("--alloc-threshold", settings.options.alloc_threshold_pct,
                     "Allocation count or bytes growth in percent that fails the alloc gate")
      ->check(kPercentage)
      ->capture_default_str();
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
  for (const std::string& text : settings.accepted) {
    const ScopePercent accepted = parse_scope_percent(text, "--accept-slowdown");
    options.accepted.push_back({accepted.scope, accepted.percent});
  }
  return options;
}

int gate_exit_status(const GateSettings& settings, const report::GateResult& gate) {
  if (settings.report_only) return kExitSuccess;
  if (gate.verdict == report::GateVerdict::regression) return kExitGateFailed;
  if (gate.verdict == report::GateVerdict::inconclusive && gate.options.fail_on_inconclusive) return kExitGateFailed;
  return kExitSuccess;
}

}  // namespace smp::app
