#include "report/formats/render_summary.hpp"
#include "report/common/text_escape.hpp"

// The gate's short forms: the one-line verdict on stdout and the markdown
// block for a CI job summary.
#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "report/formats/gate_text.hpp"
#include "report/formats/name_list.hpp"
#include "report/formats/render_comparison.hpp"

namespace smp::report {
namespace {

constexpr std::size_t kWorstOffenders = 5;

std::string time_part(const ComparisonRecord& record) {
  const GateResult& gate = record.gate;
  if (!gate.options.gate_time) return "time not gated";
  const double threshold = gate.options.threshold_pct;
  if (gate.method == GateMethod::threshold_rule) {
    return fmt::format("total runtime {} against a {:.1f}% threshold (threshold rule: {})",
                       percent_text(record.smallmind.runtime_ms.change_pct, true), threshold, gate.method_reason);
  }
  if (gate.method == GateMethod::not_comparable) return fmt::format("time not compared: {}", gate.method_reason);
  const std::size_t tested = gate.regressed + gate.improved + gate.inconclusive + gate.unchanged;
  std::string text =
      fmt::format("{} regressed, {} improved, {} inconclusive of {} top-level scopes (threshold {:.1f}%, {})",
                  gate.regressed, gate.improved, gate.inconclusive, tested, threshold, method_text(gate));
  const auto out = std::back_inserter(text);
  if (gate.overall && gate.overall->scopes > 0) {
    fmt::format_to(out, "; overall {} {}", ratio_change_text(gate.overall->ratio),
                   interval_text(gate.overall->interval));
  }
  if (gate.detectable_pct) fmt::format_to(out, "; detects changes from {:.1f}%", *gate.detectable_pct);
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
  const double threshold = gate.options.alloc_threshold_pct;
  if (grown.empty()) return fmt::format("no allocation growth beyond {:.1f}%", threshold);
  return fmt::format("allocations grew beyond {:.1f}% in {} scope(s): {}", threshold, grown.size(), name_list(grown));
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

// Scopes one report lacks, and whether they failed the gate.
std::string one_report_part(const ComparisonRecord& record) {
  const std::size_t count = record.smallmind.previous_only.size() + record.smallmind.current_only.size();
  return fmt::format("{} scope(s) in one report only {}", count,
                     record.gate.options.fail_on_missing ? "(--fail-on missing)"
                                                         : "(not gated; totals over the common scopes)");
}

}  // namespace

std::string render_verdict_line(const ComparisonRecord& record) {
  const GateResult& gate = record.gate;
  std::string line = fmt::format("{}: {}", verdict_word(gate.verdict), time_part(record));
  const auto out = std::back_inserter(line);
  if (gate.options.gate_alloc) fmt::format_to(out, "; {}", allocation_part(gate));
  if (!record.smallmind.previous_only.empty() || !record.smallmind.current_only.empty()) {
    fmt::format_to(out, "; {}", one_report_part(record));
  }
  if (!gate.environment.empty()) {
    std::vector<std::string> fields;
    for (const EnvironmentDifference& difference : gate.environment) fields.push_back(difference.field);
    fmt::format_to(out, "; environment differs: {}", name_list(fields));
  }
  return line;
}

std::string render_job_summary(const ComparisonRecord& record) {
  const GateResult& gate = record.gate;
  std::string text;
  const auto out = std::back_inserter(text);
  fmt::format_to(out, "### {} smallmind-prof compare: {}\n\n{}\n\n", verdict_icon(gate.verdict),
                 verdict_word(gate.verdict), render_verdict_line(record));
  fmt::format_to(out, "**{}:** {}\n\n", is_statistical(gate.method) ? "Scopes" : "Methods", counts_text(gate));
  const std::vector<Offender> offenders = worst_offenders(record);
  if (!offenders.empty()) {
    fmt::format_to(out, "**Worst offenders**\n\n| Scope | Previous (ms) | Current (ms) | Change | Verdict |\n"
                        "|-------|---------------|--------------|--------|---------|\n");
    for (const Offender& offender : offenders) {
      fmt::format_to(out, "| {} | {:.2f} | {:.2f} | {}% | {} |\n", markdown_code(offender.name), offender.previous_ms,
                     offender.current_ms, signed_fixed(offender.change_pct, 1), offender.verdict);
    }
    fmt::format_to(out, "\n");
  }
  if (const std::vector<std::string> grown = grown_scopes(gate); !grown.empty()) {
    fmt::format_to(out, "**Allocation growth:** {}\n\n", name_list(grown));
  }
  return text;
}

}  // namespace smp::report
