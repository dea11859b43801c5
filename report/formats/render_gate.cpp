#include "report/formats/render_gate.hpp"
#include "report/common/text_escape.hpp"

// Our sections of the comparison report, after SmallMind's: the gate's
// verdict and method, per-scope statistics, allocation changes, environment.
#include <string>

#include "report/formats/gate_text.hpp"
#include "report/formats/render_comparison.hpp"
#include "report/formats/render_summary.hpp"

namespace smp::report {
namespace {

std::string method_description(const GateResult& gate) {
  const std::string threshold = fixed(gate.options.threshold_pct, 1) + "%";
  const std::string rule = "; a top-level scope regresses when significant and slower by more than " + threshold +
                           " (nested scopes are part of their parent's work: shown, not tested)";
  switch (gate.method) {
    case GateMethod::processes:
      return "the process is the unit: per scope, Welch's t test on the log medians of each process, "
             "Holm-corrected across the top-level scopes at alpha " + compact(gate.options.alpha) + rule;
    case GateMethod::paired_rounds:
      return "interleaved rounds, each a pair of processes: per scope, the t test on the paired log differences, "
             "Holm-corrected across the top-level scopes at alpha " + compact(gate.options.alpha) + rule;
    case GateMethod::single_process:
    case GateMethod::not_comparable:
      return "not decided: " + gate.method_reason;
    case GateMethod::threshold_rule: break;
  }
  return "SmallMind's total-runtime rule, regression above +" + threshold + " (" + gate.method_reason + ")";
}

std::string detectable_text(const std::optional<double>& ratio) {
  return ratio ? "±" + fixed((*ratio - 1.0) * 100.0, 1) + "%" : "–";
}

std::string tested_verdict_text(const ScopeStatistics& stats) {
  if (!stats.tested && !stats.parent.empty()) return "nested in `" + stats.parent + "`, not tested";
  return scope_verdict_text(stats);
}

void settings_list(const ComparisonRecord& record, std::string& out) {
  const GateResult& gate = record.gate;
  out += "- **Time gate:** " + std::string(gate.options.gate_time ? "on" : "off (reported only)") + "; " +
         method_description(gate) + "\n";
  out += "- **Allocation gate:** " +
         (gate.options.gate_alloc ? "on, fails when a scope's allocations grow by more than " +
                                        fixed(gate.options.alloc_threshold_pct, 1) + "%"
                                  : std::string("off (reported only)")) +
         "\n";
  for (const AcceptedSlowdown& accepted : gate.options.accepted) {
    out += join("- **Accepted slowdown:** `", accepted.scope, "` may grow by up to ", fixed(accepted.percent, 1),
                "% (given with --accept-slowdown)\n");
  }
  out += join("- **", is_statistical(gate.method) ? "Scopes" : "Methods (informational)", ":** ",
              counts_text(gate), "\n");
  if (gate.detectable_pct) {
    out += join("- **Power:** at this noise and number of units a side, a change of ", fixed(*gate.detectable_pct, 1),
                "% is the median over tested scopes of the smallest one detected with 80 % power at Holm's first "
                "level; a PASS rules out changes larger than that, not smaller ones\n");
  }
  if (gate.overall) {
    out += join("- **Overall:** ", ratio_change_text(gate.overall->ratio), " (ratio ", fixed(gate.overall->ratio, 3),
                ", interval ", interval_text(gate.overall->interval), "), the geometric mean over ",
                std::to_string(gate.overall->scopes), " top-level scopes\n");
  }
  out += "\n";
}

void statistics_table(const GateResult& gate, std::string& out) {
  if (gate.scopes.empty()) return;
  const std::string confidence = compact((1.0 - gate.options.alpha) * 100.0);
  out += "### Scope Statistics\n\n";
  out += "| Scope | Processes (samples) | Prev median (ms) | Curr median (ms) | Change | " + confidence +
         "% interval (ratio) | Detectable | p (Holm) | Verdict |\n";
  out += "|-------|---------------------|------------------|------------------|--------|------------------|"
         "------------|----------|---------|\n";
  for (const ScopeStatistics& stats : gate.scopes) {
    out += join("| ", markdown_code(stats.name), " | ", std::to_string(stats.previous_units), " / ",
                std::to_string(stats.current_units), " (", std::to_string(stats.previous_samples), " / ",
                std::to_string(stats.current_samples), ") | ", fixed(stats.previous_median_ms, 3), " | ",
                fixed(stats.current_median_ms, 3), " | ", ratio_change_text(stats.ratio), " | ",
                interval_text(stats.ratio_interval), " | ", detectable_text(stats.detectable_ratio), " | ",
                stats.tested ? p_value_text(stats.p_adjusted) : "–", " | ", tested_verdict_text(stats), " |\n");
  }
  out += "\n";
}

std::string growth_verdict(const AllocationChange& change) { return change.exceeded ? "⚠️ Grew" : "➡️ Within threshold"; }

void allocation_table(const GateResult& gate, std::string& out) {
  out += "### Allocation Changes\n\n";
  if (gate.allocations.empty()) {
    out += "No scope's allocations changed.\n\n";
    return;
  }
  if (gate.allocations.front().exact) {
    out += "| Scope | Prev allocations | Curr allocations | Prev bytes | Curr bytes | Verdict |\n";
    out += "|-------|------------------|------------------|------------|------------|---------|\n";
    for (const AllocationChange& change : gate.allocations) {
      out += "| " + markdown_code(change.name) + " | " + std::to_string(change.previous_count) + " | " +
             std::to_string(change.current_count) + " | " + std::to_string(change.previous_bytes) + " | " +
             std::to_string(change.current_bytes) + " | " + growth_verdict(change) + " |\n";
    }
  } else {
    out += "| Scope | Prev (MB) | Curr (MB) | Verdict |\n";
    out += "|-------|-----------|-----------|---------|\n";
    for (const AllocationChange& change : gate.allocations) {
      out += "| " + markdown_code(change.name) + " | " + fixed(change.previous_mb, 2) + " | " + fixed(change.current_mb, 2) + " | " +
             growth_verdict(change) + " |\n";
    }
    out += "\n*Markdown reports print allocations in MB rounded to 0.01; exact counts and bytes need JSON reports.*\n";
  }
  out += "\n";
}

void environment_section(const GateResult& gate, std::string& out) {
  if (!gate.environment.empty()) {
    out += "### ⚠️ Environment Differences\n\n";
    out += "The two runs were measured in different environments, so their timings are not directly comparable "
           "(`--strict-env` refuses such a pair).\n\n";
    out += "| Field | Previous | Current |\n|-------|----------|---------|\n";
    for (const EnvironmentDifference& difference : gate.environment) {
      out += "| " + difference.field + " | " + difference.previous + " | " + difference.current + " |\n";
    }
    out += "\n";
  }
  if (!gate.warnings.empty()) {
    out += "### ⚠️ Warnings\n\n";
    for (const std::string& warning : gate.warnings) out += "- " + warning + "\n";
    out += "\n";
  }
}

}  // namespace

std::string render_gate_sections(const ComparisonRecord& record) {
  std::string out = "## 🚦 Regression Gate\n\n";
  out += verdict_icon(record.gate.verdict) + " **" + render_verdict_line(record) + "**\n\n";
  settings_list(record, out);
  statistics_table(record.gate, out);
  allocation_table(record.gate, out);
  environment_section(record.gate, out);
  return out;
}

}  // namespace smp::report
