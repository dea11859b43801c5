// The comparison's results table: the gate's per-scope statistics when the
// reports carry samples, SmallMind's per-method changes otherwise.
#include <string_view>

#include <fmt/format.h>

#include "report/formats/gate_text.hpp"
#include "report/formats/results_table.hpp"
#include "report/formats/table_cells.hpp"

namespace smp::report {
namespace {


Cell change_cell(const std::optional<double>& change_pct) {
  if (!change_pct) return {std::string(kNotAvailable), ""};
  return {fmt::format("{:+.1f}%", *change_pct), exact_number(*change_pct)};
}

std::optional<double> change_of(const std::optional<double>& ratio) {
  return ratio ? std::optional<double>((*ratio - 1.0) * 100.0) : std::nullopt;
}

Cell interval_cell(const std::optional<Interval>& interval) {
  if (!interval) return empty_cell();
  return {fmt::format("[{:+.1f}%, {:+.1f}%]", (interval->low - 1.0) * 100.0, (interval->high - 1.0) * 100.0),
          std::vector<std::string>{exact_number(interval->low), exact_number(interval->high)}};
}

Tone tone_of(ScopeVerdict verdict) {
  switch (verdict) {
    case ScopeVerdict::regressed: return Tone::bad;
    case ScopeVerdict::improved: return Tone::good;
    case ScopeVerdict::inconclusive: return Tone::doubtful;
    case ScopeVerdict::unchanged: break;
  }
  return Tone::plain;
}

Cell verdict_cell(const ScopeStatistics& stats) {
  if (!stats.tested) return {"nested, not tested", "not_tested"};
  const std::string word = scope_verdict_name(stats.verdict);
  return {word, word, tone_of(stats.verdict)};
}

ResultsTable gate_table(const GateResult& gate) {
  ResultsTable table;
  table.title = "Comparison";
  const std::string confidence = compact((1.0 - gate.options.alpha) * 100.0);
  table.columns = {{"Scope", "scope", Align::left},
                   {"Before", "before_median_ns"},
                   {"After", "after_median_ns"},
                   {"Change", "change_percent"},
                   {confidence + "% interval", std::vector<std::string>{"ratio_low", "ratio_high"}},
                   {"p (Holm)", "p_holm"},
                   {"Threshold", "threshold_percent"},
                   {"Verdict", "verdict", Align::left}};
  for (const ScopeStatistics& stats : gate.scopes) {
    table.rows.push_back({{stats.name, stats.name},
                          duration_cell(stats.previous_median_ms),
                          duration_cell(stats.current_median_ms),
                          change_cell(change_of(stats.ratio)),
                          interval_cell(stats.ratio_interval),
                          stats.tested ? Cell{p_value_text(stats.p_adjusted), exact_number(stats.p_adjusted)}
                                       : empty_cell(),
                          {fmt::format("{:g}%", stats.threshold_pct), exact_number(stats.threshold_pct)},
                          verdict_cell(stats)});
  }
  const std::string_view estimate = gate.options.paired
                                        ? "the 20 % trimmed geometric mean of the rounds' ratios (each the median ratio of its repetitions, paired in "
                                          "order)"
                                        : "the ratio of the geometric means of the per-process medians";
  table.notes.push_back(fmt::format(
      "Before and After: medians of the per-{0} medians. Change: the gate's estimate, {1}, with its {2}% confidence "
      "interval ({3}). A top-level scope regresses when its change is significant and beyond its threshold; nested "
      "scopes are shown, not tested.",
      gate.options.paired ? "round" : "process", estimate, confidence, method_text(gate)));
  return table;
}

// Without samples: SmallMind's per-method figures, the gate being its rule on the total.
ResultsTable smallmind_table(const ComparisonRecord& record) {
  ResultsTable table;
  table.title = "Comparison";
  table.columns = {{"Method", "scope", Align::left},
                   {"Before", "before_ns"},
                   {"After", "after_ns"},
                   {"Change", "change_percent"}};
  for (const ScopeComparison& scope : record.smallmind.scopes) {
    table.rows.push_back({{scope.name, scope.name}, duration_cell(scope.previous_ms), duration_cell(scope.current_ms),
                          change_cell(scope.change_pct)});
  }
  table.notes.push_back(fmt::format("Times as the reports print them, ordered by the size of the change; the gate ({}) "
                                    "applies {}% to the total runtime.",
                                    method_text(record.gate), compact(record.gate.options.threshold_pct)));
  return table;
}

}  // namespace

ResultsTable comparison_table(const ComparisonRecord& record) {
  return record.gate.scopes.empty() ? smallmind_table(record) : gate_table(record.gate);
}

}  // namespace smp::report
