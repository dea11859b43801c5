#pragma once
// Wording shared by the gate's writers (markdown sections, verdict line, job
// summary), so all of them name verdicts and figures the same way.
#include <string>

#include "report/records/comparison_record.hpp"
#include "report/common/text_join.hpp"
#include "report/formats/number_format.hpp"

namespace smp::report {

inline std::string verdict_word(GateVerdict verdict) {
  switch (verdict) {
    case GateVerdict::regression: return "REGRESSION";
    case GateVerdict::inconclusive: return "INCONCLUSIVE";
    case GateVerdict::pass: break;
  }
  return "PASS";
}

inline std::string verdict_icon(GateVerdict verdict) {
  switch (verdict) {
    case GateVerdict::regression: return "❌";
    case GateVerdict::inconclusive: return "❔";
    case GateVerdict::pass: break;
  }
  return "✅";
}

// How the time verdict was reached, in a few words.
inline std::string method_text(const GateResult& gate) {
  switch (gate.method) {
    case GateMethod::threshold_rule: return "SmallMind's threshold rule";
    case GateMethod::single_process: return "one process a side: not testable";
    case GateMethod::processes: return join("Welch t on process medians, Holm alpha ", compact(gate.options.alpha));
    case GateMethod::paired_rounds: return join("trimmed paired t on interleaved rounds, Holm alpha ", compact(gate.options.alpha));
    case GateMethod::not_comparable: return "not comparable";
  }
  return "";
}

// Per-scope counts: verdicts with samples; without them, informational
// counts of methods beyond the threshold either way.
inline std::string counts_text(const GateResult& gate) {
  const auto count = [](std::size_t n, std::string_view label) { return join(std::to_string(n), " ", label); };
  if (gate.method == GateMethod::threshold_rule) {
    return join(count(gate.regressed, "slower"), " and ", count(gate.improved, "faster"), " by more than ",
                fixed(gate.options.threshold_pct, 1), "%, ", count(gate.unchanged, "within"));
  }
  return join(count(gate.regressed, "regressed"), ", ", count(gate.improved, "improved"), ", ",
              count(gate.inconclusive, "inconclusive"), ", ", count(gate.unchanged, "unchanged"));
}

// A p-value to four decimals; below that, as a bound.
inline std::string p_value_text(double p) { return p < 1e-4 ? "<0.0001" : fixed(p, 4); }

// A scope's verdict in one plain word, as JSON, the terminal table, the charts and the log name it.
inline std::string scope_verdict_name(ScopeVerdict verdict) {
  switch (verdict) {
    case ScopeVerdict::regressed: return "regressed";
    case ScopeVerdict::improved: return "improved";
    case ScopeVerdict::inconclusive: return "inconclusive";
    case ScopeVerdict::unchanged: break;
  }
  return "unchanged";
}

// The gate's word for one scope and the rule that gave it: a test decides
// only a change that is significant and beyond the scope's threshold.
inline std::string scope_verdict_text(const ScopeStatistics& stats) {
  const std::string threshold = fixed(stats.threshold_pct, 1);
  switch (stats.verdict) {
    case ScopeVerdict::regressed: return join("⚠️ Regressed (significant, beyond +", threshold, "%)");
    case ScopeVerdict::improved: return join("✅ Improved (significant, beyond -", threshold, "%)");
    case ScopeVerdict::inconclusive:
      if (!stats.units_needed) return join("❔ Inconclusive (beyond +", threshold, "%, not testable with one process a side)");
      return join("❔ Inconclusive (beyond +", threshold, "% but not significant; about ",
                  std::to_string(*stats.units_needed), " processes per side needed)");
    case ScopeVerdict::unchanged: break;
  }
  if (!stats.ratio) return "➡️ Unchanged (no previous time to compare)";
  const std::string tested = stats.ratio_interval ? "" : ", not tested";
  if ((*stats.ratio - 1.0) * 100.0 < -stats.threshold_pct) {
    return join("➡️ Unchanged (faster beyond -", threshold, "%", stats.ratio_interval ? " but not significant" : tested, ")");
  }
  return join("➡️ Unchanged (within ±", threshold, "%", tested, ")");
}

// A ratio as a signed percentage change: 1.23 -> "+23.0%".
inline std::string ratio_change_text(const std::optional<double>& ratio) {
  return percent_text(ratio ? std::optional<double>((*ratio - 1.0) * 100.0) : std::nullopt, true);
}

// Without an interval (too few repetitions for the confidence level) says so.
inline std::string interval_text(const std::optional<Interval>& interval) {
  if (!interval) return "(no interval: one process a side)";
  return join("[", fixed(interval->low, 3), ", ", fixed(interval->high, 3), "]");
}

}  // namespace smp::report
