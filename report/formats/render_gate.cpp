#include "report/formats/render_gate.hpp"
#include "report/common/text_escape.hpp"

// Our sections of the comparison report, after SmallMind's: the gate's
// verdict and method, per-scope statistics, allocation changes, environment.
#include <string>
#include <vector>

#include <fmt/format.h>

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

std::size_t one_report_count(const SmallMindComparison& smallmind) {
  return smallmind.previous_only.size() + smallmind.current_only.size();
}

std::string trend_word(Trend trend) {
  switch (trend) {
    case Trend::improved: return "IMPROVED";
    case Trend::regressed: return "REGRESSED";
    case Trend::stable: break;
  }
  return "STABLE";
}

// Why the gate gave its verdict, in the terms of the rule that gave it.
std::string gate_reason(const ComparisonRecord& record) {
  const GateResult& gate = record.gate;
  const std::string threshold = fixed(gate.options.threshold_pct, 1) + "%";
  std::vector<std::string> reasons;
  if (gate.time_failed) {
    reasons.push_back(gate.method == GateMethod::threshold_rule
                          ? join("the common methods' total runtime changed by ",
                                 percent_text(record.smallmind.runtime_ms.change_pct, true), ", beyond +", threshold)
                          : join(std::to_string(gate.regressed),
                                 " top-level scope(s) are significantly slower by more than ", threshold));
  }
  if (gate.alloc_failed) {
    reasons.push_back(join("allocations grew by more than ", fixed(gate.options.alloc_threshold_pct, 1), "%"));
  }
  if (gate.missing_failed) {
    reasons.push_back(join(std::to_string(one_report_count(record.smallmind)),
                           " scope(s) are in one report only and --fail-on missing fails on them"));
  }
  if (!reasons.empty()) return fmt::format("{}", fmt::join(reasons, "; "));
  if (gate.verdict == GateVerdict::inconclusive) {
    if (gate.method == GateMethod::single_process) {
      return "there is one process a side: no test can tell a change from process noise";
    }
    return join(std::to_string(gate.inconclusive), " top-level scope(s) are slower by more than ", threshold,
                " without a significant test");
  }
  if (!gate.options.gate_time) return "time is not gated (--gate) and nothing gated failed";
  switch (gate.method) {
    case GateMethod::threshold_rule:
      return join("the common methods' total runtime changed by ",
                  percent_text(record.smallmind.runtime_ms.change_pct, true), ", not beyond +", threshold);
    case GateMethod::not_comparable:
      return "timings from different machines or settings are not compared, and nothing gated failed";
    case GateMethod::single_process:
    case GateMethod::processes:
    case GateMethod::paired_rounds: break;
  }
  return join("no top-level scope is significantly slower by more than ", threshold);
}

// SmallMind's sections and the gate use different rules, so their words can
// differ; this says which rule gave which word, and which one the exit status follows.
void rules_list(const ComparisonRecord& record, std::string& out) {
  const GateResult& gate = record.gate;
  const bool smallmind_fails = record.smallmind.trend == Trend::regressed;
  const bool agree = smallmind_fails ? gate.verdict == GateVerdict::regression : gate.verdict == GateVerdict::pass;
  out += join("- **The gate's verdict:** ", verdict_word(gate.verdict), ", because ", gate_reason(record),
              ". It alone sets the exit status.\n");
  out += join("- **SmallMind's words above** follow SmallMind's rules, on one figure a side and no test: its verdict (",
              trend_word(record.smallmind.trend),
              ") is the common methods' total runtime against ±10% (nested scopes counted again inside their "
              "parents), and a method's Status (⚠️ Regressed / ✅ Improved) is its own time beyond ±5%. ",
              agree ? "Here the two verdicts agree."
                    : join("Here they differ (", trend_word(record.smallmind.trend), " against ", verdict_word(gate.verdict),
                           "): the gate's reason above decides, and SmallMind's words describe the figures, not the "
                           "result."),
              "\n");
}

std::string tested_verdict_text(const ScopeStatistics& stats) {
  if (!stats.tested && !stats.parents.empty()) {
    std::string text = "nested in ";
    for (const std::string& parent : stats.parents) text += (text.ends_with('`') ? ", `" : "`") + parent + "`";
    return text + ", not tested";
  }
  return scope_verdict_text(stats);
}

std::string one_report_treatment(const ComparisonRecord& record) {
  const SmallMindComparison& smallmind = record.smallmind;
  if (one_report_count(smallmind) == 0) return "none";
  const std::string counts = join(std::to_string(smallmind.previous_only.size()), " only in PREV, ",
                                  std::to_string(smallmind.current_only.size()), " only in CURR (listed below); ");
  if (record.gate.options.fail_on_missing) return counts + "❌ they fail the gate (--fail-on missing)";
  return counts + "not gated: the totals and the gate compare the common scopes only (--fail-on missing fails on them)";
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
  out += "- **Scopes in one report only:** " + one_report_treatment(record) + "\n";
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
         "% interval (ratio) | Detectable | p (Holm) | Gate verdict |\n";
  out += "|-------|---------------------|------------------|------------------|--------|------------------|"
         "------------|----------|--------------|\n";
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

// Grew / shrank / unchanged, by how much, and against which threshold.
std::string growth_verdict(const AllocationChange& change, double threshold_pct) {
  std::vector<std::string> parts;
  const auto part = [&parts](std::string_view what, const std::optional<double>& pct, bool changed) {
    if (!changed) return;
    parts.push_back(pct ? join(what, " ", percent_text(pct, true)) : join(what, " from 0"));
  };
  const bool bytes_changed = change.exact ? change.previous_bytes != change.current_bytes
                                          : change.previous_mb != change.current_mb;
  part(change.exact ? "bytes" : "MB", change.size_change_pct, bytes_changed);
  if (change.exact) part("count", change.count_change_pct, change.previous_count != change.current_count);
  const bool grew = change.exact ? change.current_bytes > change.previous_bytes || change.current_count > change.previous_count
                                 : change.current_mb > change.previous_mb;
  const std::string threshold = fixed(threshold_pct, 1) + "%";
  const std::string figures = fmt::format("{}", fmt::join(parts, ", "));
  if (change.exceeded) return join("⚠️ Grew beyond ", threshold, ": ", figures);
  if (grew) return join("➡️ Grew within ", threshold, ": ", figures);
  if (parts.empty()) return "➡️ Unchanged";
  return join("✅ Shrank: ", figures);
}

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
             std::to_string(change.current_bytes) + " | " + growth_verdict(change, gate.options.alloc_threshold_pct) + " |\n";
    }
  } else {
    out += "| Scope | Prev (MB) | Curr (MB) | Verdict |\n";
    out += "|-------|-----------|-----------|---------|\n";
    for (const AllocationChange& change : gate.allocations) {
      out += "| " + markdown_code(change.name) + " | " + fixed(change.previous_mb, 2) + " | " + fixed(change.current_mb, 2) + " | " +
             growth_verdict(change, gate.options.alloc_threshold_pct) + " |\n";
    }
    out += "\n*Markdown reports print allocations in MB rounded to 0.01; exact counts and bytes need JSON reports.*\n";
  }
  out += "\n";
}

void one_report_section(const SmallMindComparison& smallmind, std::string& out) {
  if (one_report_count(smallmind) == 0) return;
  out += "### Scopes in One Report Only\n\n| Scope | Only in |\n|-------|---------|\n";
  for (const std::string& name : smallmind.previous_only) out += "| " + markdown_code(name) + " | PREV |\n";
  for (const std::string& name : smallmind.current_only) out += "| " + markdown_code(name) + " | CURR |\n";
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
  rules_list(record, out);
  settings_list(record, out);
  statistics_table(record.gate, out);
  one_report_section(record.smallmind, out);
  allocation_table(record.gate, out);
  environment_section(record.gate, out);
  return out;
}

}  // namespace smp::report
