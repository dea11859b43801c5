#include "report/formats/render_summary.hpp"
#include "report/common/text_escape.hpp"

// The gate's short forms: the one-line verdict on stdout and the markdown
// block for a CI job summary.
#include <algorithm>
#include <string>
#include <vector>

#include "report/formats/gate_text.hpp"
#include "report/formats/render_comparison.hpp"

namespace smp::report {
namespace {

// How many scopes a one-line or summary listing names before it stops.
constexpr std::size_t kNamesInLine = 5;
constexpr std::size_t kWorstOffenders = 5;

std::string name_list(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < std::min(names.size(), kNamesInLine); ++i) text += (i ? ", " : "") + names[i];
  if (names.size() > kNamesInLine) text += " and " + std::to_string(names.size() - kNamesInLine) + " more";
  return text;
}

std::string time_part(const ComparisonRecord& record) {
  const GateResult& gate = record.gate;
  if (!gate.options.gate_time) return "time not gated";
  const std::string threshold = fixed(gate.options.threshold_pct, 1) + "%";
  if (gate.method == GateMethod::threshold_rule) {
    return "total runtime " + percent_text(record.smallmind.runtime_ms.change_pct, true) + " against a " + threshold +
           " threshold (threshold rule: " + gate.method_reason + ")";
  }
  if (gate.method == GateMethod::not_comparable) return "time not compared: " + gate.method_reason;
  const std::size_t tested = gate.regressed + gate.improved + gate.inconclusive + gate.unchanged;
  std::string text = std::to_string(gate.regressed) + " regressed, " + std::to_string(gate.improved) + " improved, " +
                     std::to_string(gate.inconclusive) + " inconclusive of " + std::to_string(tested) +
                     " top-level scopes (threshold " + threshold + ", " + method_text(gate) + ")";
  if (gate.overall && gate.overall->scopes > 0) {
    text += "; overall " + ratio_change_text(gate.overall->ratio) + " " + interval_text(gate.overall->interval);
  }
  if (gate.detectable_pct) text += "; detects changes from " + fixed(*gate.detectable_pct, 1) + "%";
  return text;
}

std::vector<std::string> grown_scopes(const GateResult& gate) {
  std::vector<std::string> names;
  for (const AllocationChange& change : gate.allocations) {
    if (change.exceeded) names.push_back(change.name);
  }
  return names;
}

std::string allocation_part(const GateResult& gate) {
  const std::vector<std::string> grown = grown_scopes(gate);
  const std::string threshold = fixed(gate.options.alloc_threshold_pct, 1) + "%";
  if (grown.empty()) return "no allocation growth beyond " + threshold;
  return "allocations grew beyond " + threshold + " in " + std::to_string(grown.size()) + " scope(s): " +
         name_list(grown);
}

struct Offender {
  std::string name;
  double previous_ms = 0.0;
  double current_ms = 0.0;
  double change_pct = 0.0;
  std::string verdict;
};

std::vector<Offender> worst_offenders(const ComparisonRecord& record) {
  std::vector<Offender> offenders;
  const GateResult& gate = record.gate;
  if (is_statistical(gate.method)) {
    for (const ScopeStatistics& stats : gate.scopes) {
      if (stats.verdict != ScopeVerdict::regressed && stats.verdict != ScopeVerdict::inconclusive) continue;
      offenders.push_back({stats.name, stats.previous_median_ms, stats.current_median_ms,
                           (stats.ratio.value_or(1.0) - 1.0) * 100.0, scope_verdict_text(stats)});
    }
  } else {
    for (const ScopeComparison& method : record.smallmind.scopes) {
      const double change = method.change_pct.value_or(0.0);
      if (change > gate.options.threshold_pct) {
        offenders.push_back({method.name, method.previous_ms, method.current_ms, change, "⚠️ Beyond threshold"});
      }
    }
  }
  std::stable_sort(offenders.begin(), offenders.end(),
                   [](const Offender& a, const Offender& b) { return a.change_pct > b.change_pct; });
  if (offenders.size() > kWorstOffenders) offenders.resize(kWorstOffenders);
  return offenders;
}

}  // namespace

// Scopes one report lacks, and whether they failed the gate.
std::string one_report_part(const ComparisonRecord& record) {
  const std::size_t count = record.smallmind.previous_only.size() + record.smallmind.current_only.size();
  return std::to_string(count) + " scope(s) in one report only" +
         (record.gate.options.fail_on_missing ? " (--fail-on missing)" : " (not gated; totals over the common scopes)");
}

std::string render_verdict_line(const ComparisonRecord& record) {
  const GateResult& gate = record.gate;
  std::string line = verdict_word(gate.verdict) + ": " + time_part(record);
  if (gate.options.gate_alloc) line += "; " + allocation_part(gate);
  if (!record.smallmind.previous_only.empty() || !record.smallmind.current_only.empty()) {
    line += "; " + one_report_part(record);
  }
  if (!gate.environment.empty()) {
    std::vector<std::string> fields;
    for (const EnvironmentDifference& difference : gate.environment) fields.push_back(difference.field);
    line += "; environment differs: " + name_list(fields);
  }
  return line;
}

std::string render_job_summary(const ComparisonRecord& record) {
  const GateResult& gate = record.gate;
  std::string out = "### " + verdict_icon(gate.verdict) + " smallmind-prof compare: " + verdict_word(gate.verdict) +
                    "\n\n" + render_verdict_line(record) + "\n\n";
  out += join("**", is_statistical(gate.method) ? "Scopes" : "Methods", ":** ", counts_text(gate), "\n\n");
  const std::vector<Offender> offenders = worst_offenders(record);
  if (!offenders.empty()) {
    out += "**Worst offenders**\n\n| Scope | Previous (ms) | Current (ms) | Change | Verdict |\n"
           "|-------|---------------|--------------|--------|---------|\n";
    for (const Offender& offender : offenders) {
      out += "| " + markdown_code(offender.name) + " | " + fixed(offender.previous_ms, 2) + " | " + fixed(offender.current_ms, 2) +
             " | " + signed_fixed(offender.change_pct, 1) + "% | " + offender.verdict + " |\n";
    }
    out += "\n";
  }
  if (const std::vector<std::string> grown = grown_scopes(gate); !grown.empty()) {
    out += "**Allocation growth:** " + name_list(grown) + "\n\n";
  }
  return out;
}

}  // namespace smp::report
