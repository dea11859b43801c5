#pragma once
// The regression gate's command-line settings and the exit status they give
// a gate result, for commands that compare against a baseline.
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "report/records/comparison_record.hpp"

namespace smp::app {

// --fail-on's words.
inline constexpr std::string_view kFailOnInconclusive = "inconclusive";
inline constexpr std::string_view kFailOnMissing = "missing";

struct GateSettings {
  std::string gate = "time";          // what fails the gate: time, alloc or both
  std::vector<std::string> fail_on;   // what else fails it: kFailOnInconclusive, kFailOnMissing
  bool report_only = false;   // write the reports, exit 0 whatever the verdict
  std::vector<std::string> accepted;  // SCOPE=PCT slowdowns accepted on purpose
  std::vector<std::string> scope_thresholds;  // SCOPE=PCT thresholds in place of --threshold
  report::GateOptions options;
};

// --threshold, --threshold-for, --alpha, --gate, --alloc-threshold, --fail-on, --report-only, --accept-slowdown.
void add_gate_options(CLI::App& command, GateSettings& settings);

// The options with --gate and --fail-on applied.
report::GateOptions resolved_gate_options(const GateSettings& settings);

// Debug lines (-v): the gate's method, then each scope's figures and verdict
// with the p-values, interval and threshold that decided it.
void log_gate_decisions(const report::GateResult& gate);

// 0 when the gate passed (or --report-only), 1 when it failed.
int gate_exit_status(const GateSettings& settings, const report::GateResult& gate);

}  // namespace smp::app
