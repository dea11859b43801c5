// The regression gate: per-scope statistics on raw samples when both reports
// have enough of them, SmallMind's total-runtime rule otherwise; an exact
// allocation gate; and the environment differences that make timings unlike.
#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "report/analysis/gate.hpp"
#include "report/analysis/significance.hpp"
#include "report/records/records.hpp"
#include "report/records/stats.hpp"

namespace smp::report {
namespace {

// Below this many repetitions per side a rank test cannot reach any useful
// level, so the gate falls back to the threshold rule.
constexpr std::size_t kMinSamplesPerSide = 3;

using ScopeIndex = std::unordered_map<std::string_view, const ScopeRecord*>;

ScopeIndex index_by_name(const ProfileRecord& record) {
  ScopeIndex index;
  for (const ScopeRecord& scope : record.scopes) index.emplace(scope.name, &scope);
  return index;
}

double growth_limit(double previous, double threshold_pct) { return previous * (1.0 + threshold_pct / 100.0); }

// Why the samples cannot carry a statistical verdict, or nothing when they can.
std::optional<std::string> samples_unusable(const ProfileRecord& previous, const ProfileRecord& current,
                                            const SmallMindComparison& smallmind) {
  if (previous.format != ReportFormat::smallmind_prof_json) return "PREV is markdown, without raw samples";
  if (current.format != ReportFormat::smallmind_prof_json) return "CURR is markdown, without raw samples";
  const ScopeIndex previous_scopes = index_by_name(previous);
  const ScopeIndex current_scopes = index_by_name(current);
  for (const ScopeComparison& method : smallmind.scopes) {
    const std::size_t fewest = std::min(previous_scopes.at(method.name)->inclusive_ms.size(),
                                        current_scopes.at(method.name)->inclusive_ms.size());
    if (fewest < kMinSamplesPerSide) {
      return "scope `" + method.name + "` has " + std::to_string(fewest) + " repetition(s) on one side, fewer than " +
             std::to_string(kMinSamplesPerSide);
    }
  }
  return std::nullopt;
}

void apply_threshold_rule(const SmallMindComparison& smallmind, GateResult& gate) {
  const double threshold = gate.options.threshold_pct;
  for (const ScopeComparison& method : smallmind.scopes) {
    const double change = method.change_pct.value_or(0.0);
    if (change > threshold) ++gate.regressed;
    else if (change < -threshold) ++gate.improved;
    else ++gate.unchanged;
  }
  gate.time_failed = smallmind.runtime_ms.change_pct.value_or(0.0) > threshold;
}

ScopeStatistics scope_statistics(const ScopeRecord& previous, const ScopeRecord& current, double confidence) {
  ScopeStatistics stats;
  stats.name = previous.name;
  stats.top_level = current.parent.empty();
  stats.previous_samples = previous.inclusive_ms.size();
  stats.current_samples = current.inclusive_ms.size();
  stats.previous_median_ms = median(previous.inclusive_ms);
  stats.current_median_ms = median(current.inclusive_ms);
  if (stats.previous_median_ms > 0.0) stats.ratio = stats.current_median_ms / stats.previous_median_ms;
  stats.ratio_interval = ratio_interval(previous.inclusive_ms, current.inclusive_ms, confidence);
  stats.p_value = mann_whitney_u(previous.inclusive_ms, current.inclusive_ms).p_value;
  return stats;
}

// A change beyond the threshold counts only when it is significant; one that
// is not is inconclusive (an unproven improvement is simply unchanged).
void classify(ScopeStatistics& stats, const ScopeRecord& previous, const ScopeRecord& current,
              const GateOptions& options, std::size_t tests) {
  if (!stats.ratio) return;
  const double change_pct = (*stats.ratio - 1.0) * 100.0;
  if (change_pct > options.threshold_pct) {
    if (stats.significant) {
      stats.verdict = ScopeVerdict::regressed;
    } else {
      stats.verdict = ScopeVerdict::inconclusive;
      // Holm asks alpha/tests of the smallest p-value: plan for that worst case.
      const double level = options.alpha / static_cast<double>(tests);
      stats.repetitions_needed = repetitions_needed(previous.inclusive_ms, current.inclusive_ms, *stats.ratio, level);
    }
  } else if (change_pct < -options.threshold_pct && stats.significant) {
    stats.verdict = ScopeVerdict::improved;
  }
}

// Assumes the top-level scopes move together, so the bounds are averaged like
// the ratios: wider than the interval of independent changes, never narrower.
OverallChange overall_change(const std::vector<ScopeStatistics>& scopes) {
  std::vector<double> ratios;
  std::vector<double> lows;
  std::vector<double> highs;
  for (const ScopeStatistics& stats : scopes) {
    if (!stats.top_level || !stats.ratio || *stats.ratio <= 0.0) continue;
    ratios.push_back(*stats.ratio);
    if (stats.ratio_interval) {
      lows.push_back(stats.ratio_interval->low);
      highs.push_back(stats.ratio_interval->high);
    }
  }
  OverallChange overall{ratios.size(), geometric_mean(ratios), std::nullopt};
  if (!ratios.empty() && lows.size() == ratios.size()) overall.interval = Interval{geometric_mean(lows), geometric_mean(highs)};
  return overall;
}

void apply_statistics(const ProfileRecord& previous, const ProfileRecord& current, const SmallMindComparison& smallmind,
                      GateResult& gate) {
  const ScopeIndex previous_scopes = index_by_name(previous);
  const ScopeIndex current_scopes = index_by_name(current);
  const double confidence = 1.0 - gate.options.alpha;
  std::vector<double> p_values;
  for (const ScopeComparison& method : smallmind.scopes) {
    gate.scopes.push_back(
        scope_statistics(*previous_scopes.at(method.name), *current_scopes.at(method.name), confidence));
    p_values.push_back(gate.scopes.back().p_value);
  }
  const std::vector<double> adjusted = holm_adjust(p_values);
  for (std::size_t i = 0; i < gate.scopes.size(); ++i) {
    ScopeStatistics& stats = gate.scopes[i];
    stats.p_adjusted = adjusted[i];
    stats.significant = stats.p_adjusted <= gate.options.alpha;
    classify(stats, *previous_scopes.at(stats.name), *current_scopes.at(stats.name), gate.options, gate.scopes.size());
    switch (stats.verdict) {
      case ScopeVerdict::regressed: ++gate.regressed; break;
      case ScopeVerdict::improved: ++gate.improved; break;
      case ScopeVerdict::inconclusive: ++gate.inconclusive; break;
      case ScopeVerdict::unchanged: ++gate.unchanged; break;
    }
  }
  gate.overall = overall_change(gate.scopes);
  gate.time_failed = gate.regressed > 0;
}

AllocationChange allocation_change(const ScopeRecord& previous, const ScopeRecord& current, bool exact,
                                   double threshold_pct) {
  AllocationChange change{.name = previous.name,
                          .exact = exact,
                          .previous_count = previous.alloc_count,
                          .current_count = current.alloc_count,
                          .previous_bytes = previous.alloc_bytes,
                          .current_bytes = current.alloc_bytes,
                          .previous_mb = previous.alloc_mb(),
                          .current_mb = current.alloc_mb()};
  const auto grew = [threshold_pct](double before, double after) { return after > growth_limit(before, threshold_pct); };
  change.exceeded = exact ? grew(static_cast<double>(change.previous_count), static_cast<double>(change.current_count)) ||
                                grew(static_cast<double>(change.previous_bytes), static_cast<double>(change.current_bytes))
                          : grew(change.previous_mb, change.current_mb);
  return change;
}

bool allocations_differ(const AllocationChange& change) {
  return change.exact ? change.previous_count != change.current_count || change.previous_bytes != change.current_bytes
                      : change.previous_mb != change.current_mb;
}

void apply_allocations(const ProfileRecord& previous, const ProfileRecord& current, const SmallMindComparison& smallmind,
                       GateResult& gate) {
  // Counts and bytes are exact only in our JSON; markdown prints MB rounded to 0.01.
  const bool exact = previous.format == ReportFormat::smallmind_prof_json &&
                     current.format == ReportFormat::smallmind_prof_json;
  const ScopeIndex previous_scopes = index_by_name(previous);
  const ScopeIndex current_scopes = index_by_name(current);
  for (const ScopeComparison& method : smallmind.scopes) {
    const AllocationChange change = allocation_change(*previous_scopes.at(method.name),
                                                      *current_scopes.at(method.name), exact,
                                                      gate.options.alloc_threshold_pct);
    if (allocations_differ(change)) gate.allocations.push_back(change);
  }
  gate.alloc_failed = gate.options.gate_alloc &&
                      std::any_of(gate.allocations.begin(), gate.allocations.end(),
                                  [](const AllocationChange& change) { return change.exceeded; });
}

void apply_environment(const ProfileRecord& previous, const ProfileRecord& current, GateResult& gate) {
  for (const auto* record : {&previous, &current}) {
    if (record->context && is_unoptimised_build(record->context->machine)) {
      gate.warnings.push_back(std::string(record == &previous ? "PREV" : "CURR") + " was measured on a " +
                              record->context->machine.build_type + " build: its timings do not represent Release code");
    }
  }
  if (!previous.context || !current.context) return;
  const RunContext& before = *previous.context;
  const RunContext& after = *current.context;
  const auto differ = [&gate](std::string field, const std::string& a, const std::string& b) {
    if (a != b) gate.environment.push_back({std::move(field), a, b});
  };
  differ("CPU model", before.machine.cpu_model, after.machine.cpu_model);
  differ("kernel ISA path", before.machine.isa, after.machine.isa);
  differ("build type", before.machine.build_type, after.machine.build_type);
  differ("threads", std::to_string(before.settings.threads), std::to_string(after.settings.threads));
  differ("tool version", before.machine.tool_version, after.machine.tool_version);
}

}  // namespace

GateResult evaluate_gate(const ProfileRecord& previous, const ProfileRecord& current, const SmallMindComparison& smallmind,
                         const GateOptions& options) {
  GateResult gate;
  gate.options = options;
  if (const auto reason = samples_unusable(previous, current, smallmind)) {
    gate.method = GateMethod::threshold_rule;
    gate.method_reason = *reason;
    apply_threshold_rule(smallmind, gate);
  } else {
    gate.method = GateMethod::statistical;
    apply_statistics(previous, current, smallmind, gate);
  }
  if (!options.gate_time) gate.time_failed = false;
  apply_allocations(previous, current, smallmind, gate);
  apply_environment(previous, current, gate);

  const bool inconclusive = options.gate_time && gate.inconclusive > 0;
  gate.verdict = gate.time_failed || gate.alloc_failed ? GateVerdict::regression
                 : inconclusive                         ? GateVerdict::inconclusive
                                                        : GateVerdict::pass;
  return gate;
}

}  // namespace smp::report
