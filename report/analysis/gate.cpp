// The regression gate: per-scope statistics on raw samples when both reports
// have enough of them, SmallMind's total-runtime rule otherwise; an exact
// allocation gate; and the environment differences that make timings unlike.
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "report/analysis/gate.hpp"
#include "report/analysis/round_changes.hpp"
#include "report/analysis/significance.hpp"
#include "report/analysis/t_test.hpp"
#include "report/records/machine_fingerprint.hpp"
#include "report/records/percent_change.hpp"
#include "report/records/records.hpp"
#include "report/records/stats.hpp"

namespace smp::report {
namespace {

using ScopeIndex = std::unordered_map<std::string_view, const ScopeRecord*>;

ScopeIndex index_by_name(const ProfileRecord& record) {
  ScopeIndex index;
  for (const ScopeRecord& scope : record.scopes) index.emplace(scope.name, &scope);
  return index;
}

double growth_limit(double previous, double threshold_pct) { return previous * (1.0 + threshold_pct / 100.0); }

// The facts that make two runs' timings comparable at all.
std::vector<EnvironmentDifference> machine_differences(const RunContext& before, const RunContext& after) {
  return fingerprint_differences(fingerprint_of(before), fingerprint_of(after));
}

// How the time verdict can be reached, and why when it is not by a test.
std::pair<GateMethod, std::string> choose_method(const ProfileRecord& previous, const ProfileRecord& current,
                                                 const SmallMindComparison& smallmind, const GateOptions& options) {
  if (previous.format != ReportFormat::smallmind_prof_json) {
    return {GateMethod::threshold_rule, "PREV is markdown, without raw samples"};
  }
  if (current.format != ReportFormat::smallmind_prof_json) {
    return {GateMethod::threshold_rule, "CURR is markdown, without raw samples"};
  }
  // Paired rounds (ab) ran on this machine in one job: a difference of
  // settings between them (threads, kernel path) is what is being compared.
  if (!options.paired && previous.context && current.context) {
    const auto differences = machine_differences(*previous.context, *current.context);
    if (!differences.empty()) {
      return {GateMethod::not_comparable, "the reports come from different machines or settings (" +
                                              differences.front().field + " differs): their timings are not comparable"};
    }
  }
  const ScopeIndex previous_scopes = index_by_name(previous);
  const ScopeIndex current_scopes = index_by_name(current);
  std::size_t fewest = std::numeric_limits<std::size_t>::max();
  for (const ScopeComparison& scope : smallmind.scopes) {
    fewest = std::min({fewest, previous_scopes.at(scope.name)->process_count(),
                       current_scopes.at(scope.name)->process_count()});
  }
  if (fewest < 2) {
    return {GateMethod::single_process,
            "a side's samples come from one process: repetitions inside one process share its memory layout, "
            "frequency and neighbours, so no test on them can tell a code change from process-to-process noise "
            "(measure with enhanced --processes 2 or more)"};
  }
  return {options.paired ? GateMethod::paired_rounds : GateMethod::processes, ""};
}

void apply_threshold_rule(const SmallMindComparison& smallmind, GateResult& gate) {
  const double threshold = gate.options.threshold_pct;
  for (const ScopeComparison& scope : smallmind.scopes) {
    const double change = scope.change_pct.value_or(0.0);
    if (change > threshold) ++gate.regressed;
    else if (change < -threshold) ++gate.improved;
    else ++gate.unchanged;
  }
  gate.time_failed = smallmind.runtime_ms.change_pct.value_or(0.0) > threshold;
}

double scope_threshold(const GateOptions& options, const std::string& name) {
  const auto own = options.scope_threshold_pct.find(name);
  const double threshold = own == options.scope_threshold_pct.end() ? options.threshold_pct : own->second;
  for (const AcceptedSlowdown& accepted : options.accepted) {
    if (accepted.scope == name) return std::max(threshold, accepted.percent);
  }
  return threshold;
}

ScopeStatistics describe_scope(const ScopeRecord& previous, const ScopeRecord& current, const GateOptions& options) {
  ScopeStatistics stats;
  stats.name = previous.name;
  stats.parents = current.parents;
  stats.tested = current.is_top_level();
  stats.threshold_pct = scope_threshold(options, stats.name);
  stats.previous_samples = previous.inclusive_ms.size();
  stats.current_samples = current.inclusive_ms.size();
  stats.previous_units = previous.process_count();
  stats.current_units = current.process_count();
  stats.previous_median_ms = previous.time_ms();
  stats.current_median_ms = current.time_ms();
  return stats;
}

// The test on the per-process medians, or on the rounds' own changes when
// paired; nothing when a side has too few units or a non-positive time.
std::optional<TTest> unit_test(const ScopeRecord& previous, const ScopeRecord& current, GateMethod method) {
  if (method == GateMethod::paired_rounds) {
    const std::optional<std::vector<double>> changes = round_log_changes(previous, current);
    return changes ? trimmed_paired_test(*changes) : std::nullopt;
  }
  return welch_log_test(previous.process_medians_ms(), current.process_medians_ms());
}

// A change beyond the scope's threshold counts only when it is significant;
// one that is not is inconclusive (an unproven improvement is simply unchanged).
void classify(ScopeStatistics& stats) {
  if (!stats.ratio) return;
  const double change_pct = (*stats.ratio - 1.0) * 100.0;
  const bool shown = stats.significant && stats.beyond_machine_shift;
  if (change_pct > stats.threshold_pct) {
    stats.verdict = shown ? ScopeVerdict::regressed : ScopeVerdict::inconclusive;
  } else if (change_pct < -stats.threshold_pct && shown) {
    stats.verdict = ScopeVerdict::improved;
  }
}

// Separately run reports share no stretch of time, and on a shared machine the
// whole machine's speed can differ between them: every scope then moves alike.
// On a 2-core Intel Xeon VM (family 6 model 167), 6 of 10 pairs of default
// runs of one binary, run back to back, moved all 19 top-level scopes in one
// direction by a median 13–43 %. The median ratio over enough scopes measures
// that shift; a real change of a few scopes barely moves it.
constexpr std::size_t kMinScopesForMachineShift = 5;

std::optional<double> machine_shift(const std::vector<ScopeStatistics>& scopes) {
  std::vector<double> ratios;
  for (const ScopeStatistics& stats : scopes) {
    if (stats.tested && stats.ratio) ratios.push_back(*stats.ratio);
  }
  if (ratios.size() < kMinScopesForMachineShift) return std::nullopt;
  return median(ratios);
}

// The tests of the scopes' changes beyond the machine's shift. Each run's
// processes share that run's stretch of time, so beyond the shared shift a
// scope also has a run-level deviation of its own that its processes' spread
// does not show (A/A pairs there: a lone scope 10–15 % off the others with
// a tight interval). Its variance tau² is estimated across the scopes, as a
// random-effects meta-analysis does: the squared residuals' median, scaled to
// a mean (chi-square with 1 df has median 0.455), less the tests' own median
// variance. Each scope's test then carries se² + tau².
std::vector<TTest> beyond_shift_tests(const std::vector<TTest>& tests, double shift) {
  constexpr double kChiSquare1Median = 0.4549364;
  std::vector<double> squared_residuals;
  std::vector<double> variances;
  for (const TTest& test : tests) {
    const double residual = test.log_ratio - std::log(shift);
    squared_residuals.push_back(residual * residual);
    variances.push_back(test.standard_error * test.standard_error);
  }
  const double tau_squared = std::max(0.0, median(squared_residuals) / kChiSquare1Median - median(variances));
  std::vector<TTest> beyond;
  for (const TTest& test : tests) {
    TTest widened = test;
    widened.log_ratio = test.log_ratio - std::log(shift);
    widened.standard_error = std::sqrt(test.standard_error * test.standard_error + tau_squared);
    const double t = widened.standard_error > 0.0 ? std::fabs(widened.log_ratio) / widened.standard_error : 0.0;
    widened.p_value = 2.0 * (1.0 - student_t_cdf(t, widened.df));
    beyond.push_back(widened);
  }
  return beyond;
}

void warn_of_machine_shift(GateResult& gate) {
  if (!gate.machine_shift) return;
  const double shift_pct = (*gate.machine_shift - 1.0) * 100.0;
  if (std::fabs(shift_pct) <= gate.options.threshold_pct) return;
  gate.warnings.push_back(fmt::format(
      "the top-level scopes moved by a median {:+.1f}% together: the machine ran at another speed in one run, or a "
      "change moved everything alike, and separately run reports cannot tell these apart; each scope is judged "
      "beyond that shift (to settle it, measure both builds together with `smallmind-prof ab`)",
      shift_pct));
}

void count_verdict(const ScopeStatistics& stats, GateResult& gate) {
  if (!stats.tested) return;
  switch (stats.verdict) {
    case ScopeVerdict::regressed: ++gate.regressed; break;
    case ScopeVerdict::improved: ++gate.improved; break;
    case ScopeVerdict::inconclusive: ++gate.inconclusive; break;
    case ScopeVerdict::unchanged: ++gate.unchanged; break;
  }
}

// Assumes the top-level scopes move together, so the bounds are averaged like
// the ratios: wider than the interval of independent changes, never narrower.
OverallChange overall_change(const std::vector<ScopeStatistics>& scopes) {
  std::vector<double> ratios;
  std::vector<double> lows;
  std::vector<double> highs;
  for (const ScopeStatistics& stats : scopes) {
    if (!stats.tested || !stats.ratio || *stats.ratio <= 0.0) continue;
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

// Processes (or rounds) as the unit: one t test per scope on the processes'
// log medians (or the rounds' log changes), Holm across the top-level scopes.
// Nested scopes measure part of their parent's work, so they are described
// but not tested: testing them too would spend the family's error rate on the
// same change several times.
void apply_unit_tests(const ProfileRecord& previous, const ProfileRecord& current, const SmallMindComparison& smallmind,
                      GateResult& gate) {
  const ScopeIndex previous_scopes = index_by_name(previous);
  const ScopeIndex current_scopes = index_by_name(current);
  const double confidence = 1.0 - gate.options.alpha;
  std::vector<std::optional<TTest>> tests;
  std::vector<double> tested_p_values;
  for (const ScopeComparison& scope : smallmind.scopes) {
    const ScopeRecord& before = *previous_scopes.at(scope.name);
    const ScopeRecord& after = *current_scopes.at(scope.name);
    ScopeStatistics stats = describe_scope(before, after, gate.options);
    tests.push_back(unit_test(before, after, gate.method));
    if (const auto& test = tests.back()) {
      stats.ratio = test->ratio();
      stats.ratio_interval = test->ratio_interval(confidence);
      stats.p_value = test->p_value;
    }
    stats.tested = stats.tested && tests.back().has_value();
    if (stats.tested) tested_p_values.push_back(stats.p_value);
    gate.scopes.push_back(stats);
  }
  const std::vector<double> adjusted = holm_adjust(tested_p_values);
  if (gate.method == GateMethod::processes) gate.machine_shift = machine_shift(gate.scopes);
  std::vector<TTest> tested_tests;
  for (std::size_t i = 0; i < gate.scopes.size(); ++i) {
    if (gate.scopes[i].tested) tested_tests.push_back(*tests[i]);
  }
  const std::vector<TTest> beyond =
      gate.machine_shift ? beyond_shift_tests(tested_tests, *gate.machine_shift) : std::vector<TTest>{};
  std::vector<double> beyond_p_values;
  for (const TTest& test : beyond) beyond_p_values.push_back(test.p_value);
  const std::vector<double> beyond_adjusted = holm_adjust(beyond_p_values);
  // Holm asks alpha/tests of the smallest p-value: the level to plan for.
  const double planning_level = gate.options.alpha / static_cast<double>(std::max<std::size_t>(1, adjusted.size()));
  const ReplicationDesign design =
      gate.method == GateMethod::paired_rounds ? ReplicationDesign::paired_rounds : ReplicationDesign::processes;
  std::vector<double> detectable_pcts;
  std::size_t next_adjusted = 0;
  for (std::size_t i = 0; i < gate.scopes.size(); ++i) {
    ScopeStatistics& stats = gate.scopes[i];
    if (!tests[i]) continue;
    stats.detectable_ratio = tests[i]->detectable_ratio(planning_level);
    if (!stats.tested) continue;
    detectable_pcts.push_back((*stats.detectable_ratio - 1.0) * 100.0);
    if (gate.machine_shift) {
      // The same direction as the change itself, beyond the threshold, and significant.
      const double beyond_pct = (beyond[next_adjusted].ratio() - 1.0) * 100.0;
      const bool same_direction = (beyond_pct > 0.0) == (*stats.ratio > 1.0);
      stats.beyond_machine_shift = same_direction && std::fabs(beyond_pct) > stats.threshold_pct &&
                                   beyond_adjusted[next_adjusted] <= gate.options.alpha;
    }
    stats.p_adjusted = adjusted[next_adjusted++];
    stats.significant = stats.p_adjusted <= gate.options.alpha;
    classify(stats);
    if (stats.verdict == ScopeVerdict::inconclusive) {
      stats.units_needed = units_needed(*tests[i], design, std::min(stats.previous_units, stats.current_units),
                                        1.0 + stats.threshold_pct / 100.0, planning_level);
    }
    count_verdict(stats, gate);
  }
  if (!detectable_pcts.empty()) gate.detectable_pct = median(detectable_pcts);
  gate.overall = overall_change(gate.scopes);
  gate.time_failed = gate.regressed > 0;
  warn_of_machine_shift(gate);
}

// One process a side: the change of medians is described, never tested; a
// change beyond the threshold stays inconclusive, whatever its size.
void apply_single_process(const ProfileRecord& previous, const ProfileRecord& current,
                          const SmallMindComparison& smallmind, GateResult& gate) {
  const ScopeIndex previous_scopes = index_by_name(previous);
  const ScopeIndex current_scopes = index_by_name(current);
  for (const ScopeComparison& scope : smallmind.scopes) {
    ScopeStatistics stats = describe_scope(*previous_scopes.at(scope.name), *current_scopes.at(scope.name), gate.options);
    if (stats.previous_median_ms > 0.0) stats.ratio = stats.current_median_ms / stats.previous_median_ms;
    classify(stats);
    count_verdict(stats, gate);
    gate.scopes.push_back(stats);
  }
  gate.overall = overall_change(gate.scopes);
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
                          .current_mb = current.alloc_mb(),
                          .exceeded = false,
                          .size_change_pct = std::nullopt,
                          .count_change_pct = std::nullopt};
  const auto grew = [threshold_pct](double before, double after) { return after > growth_limit(before, threshold_pct); };
  const auto previous_count = static_cast<double>(change.previous_count);
  const auto current_count = static_cast<double>(change.current_count);
  const auto previous_bytes = static_cast<double>(change.previous_bytes);
  const auto current_bytes = static_cast<double>(change.current_bytes);
  if (exact) {
    change.exceeded = grew(previous_count, current_count) || grew(previous_bytes, current_bytes);
    change.size_change_pct = percent_change(previous_bytes, current_bytes);
    change.count_change_pct = percent_change(previous_count, current_count);
  } else {
    change.exceeded = grew(change.previous_mb, change.current_mb);
    change.size_change_pct = percent_change(change.previous_mb, change.current_mb);
  }
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
  gate.environment = machine_differences(*previous.context, *current.context);
  if (previous.context->machine.tool_version != current.context->machine.tool_version) {
    gate.environment.push_back(
        {"tool version", previous.context->machine.tool_version, current.context->machine.tool_version});
  }
  for (const auto* record : {&previous, &current}) {
    for (const InjectedSlowdown& slowdown : record->context->settings.injected_slowdowns) {
      gate.warnings.push_back(std::string(record == &previous ? "PREV" : "CURR") + " was measured with an injected " +
                              fmt::format("{:g}", slowdown.percent) + " % slowdown of `" + slowdown.scope +
                              "` (a self-test of the gate, not a real run)");
    }
  }
}

}  // namespace

GateResult evaluate_gate(const ProfileRecord& previous, const ProfileRecord& current, const SmallMindComparison& smallmind,
                         const GateOptions& options) {
  GateResult gate;
  gate.options = options;
  std::tie(gate.method, gate.method_reason) = choose_method(previous, current, smallmind, options);
  switch (gate.method) {
    case GateMethod::threshold_rule: apply_threshold_rule(smallmind, gate); break;
    case GateMethod::single_process: apply_single_process(previous, current, smallmind, gate); break;
    case GateMethod::processes:
    case GateMethod::paired_rounds: apply_unit_tests(previous, current, smallmind, gate); break;
    case GateMethod::not_comparable: break;
  }
  if (!options.gate_time) gate.time_failed = false;
  apply_allocations(previous, current, smallmind, gate);
  apply_environment(previous, current, gate);
  gate.missing_failed = options.fail_on_missing && (!smallmind.previous_only.empty() || !smallmind.current_only.empty());

  // A design that cannot test time cannot pass it either: it says so instead.
  const bool inconclusive = options.gate_time && (gate.inconclusive > 0 || gate.method == GateMethod::single_process);
  gate.verdict = gate.time_failed || gate.alloc_failed || gate.missing_failed ? GateVerdict::regression
                 : inconclusive                         ? GateVerdict::inconclusive
                                                        : GateVerdict::pass;
  return gate;
}

}  // namespace smp::report
