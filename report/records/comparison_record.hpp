#pragma once
// What comparing two profiles produces: plain data, rendered by separate
// writers (markdown, JSON, the one-line verdict). The first part reproduces
// SmallMind's comparison; the second is our regression gate.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "report/records/interval.hpp"

namespace smp::report {

// ---- SmallMind's comparison ------------------------------------------------

enum class ScopeStatus { improved, regressed, unchanged };

struct ScopeComparison {
  std::string name;
  double previous_ms = 0.0;
  double current_ms = 0.0;
  double delta_ms = 0.0;                // current - previous
  std::optional<double> change_pct;     // empty when previous_ms is 0
  double previous_alloc_mb = 0.0;
  double current_alloc_mb = 0.0;
  ScopeStatus status = ScopeStatus::unchanged;
};

struct TotalChange {
  double previous = 0.0;
  double current = 0.0;
  double delta = 0.0;
  std::optional<double> change_pct;  // empty when previous is 0
};

enum class Trend { improved, regressed, stable };

// Figures of one model at its current time, for 25 generated tokens.
struct ModelThroughput {
  std::optional<double> tokens_per_second;  // empty when the time is 0
  double latency_ms = 0.0;                  // per token
  double memory_mb = 0.0;                   // per token
};

struct ModelScaling {
  ScopeComparison small;
  ScopeComparison medium;
  std::optional<double> time_ratio;   // medium / small, current times
  std::optional<double> efficiency;   // SmallMind's parameter ratio / time_ratio
  ModelThroughput small_throughput;
  ModelThroughput medium_throughput;
};

struct SimdRow {
  ScopeComparison method;
  int size = 0;                            // n of an n x n x n product
  std::optional<double> gflops_per_call;   // at the current time; empty when it is 0
};

struct SmallMindComparison {
  std::string previous_generated;
  std::string current_generated;
  TotalChange runtime_ms;
  TotalChange alloc_mb;
  std::size_t previous_scope_count = 0;
  std::size_t current_scope_count = 0;
  Trend trend = Trend::stable;
  std::vector<ScopeComparison> scopes;  // common scopes, |delta| descending, stable
  // Scopes in one report only, in that report's order. The totals above are
  // over the common scopes, so a scope one side lacks cannot move them.
  std::vector<std::string> previous_only;
  std::vector<std::string> current_only;
  std::optional<ModelScaling> models;     // only when both model scopes are in both reports
  std::vector<SimdRow> simd;
};

// ---- Our regression gate ----------------------------------------------------

// A slowdown accepted on purpose: the scope may grow up to `percent`.
struct AcceptedSlowdown {
  std::string scope;
  double percent = 0.0;
};

inline constexpr double kDefaultAlpha = 0.01;

struct GateOptions {
  double threshold_pct = 10.0;
  std::map<std::string, double> scope_threshold_pct;  // per-scope thresholds in place of threshold_pct
  double alpha = kDefaultAlpha;
  bool paired = false;  // both reports hold the same rounds, in order (ab)
  std::vector<AcceptedSlowdown> accepted;
  bool gate_time = true;
  bool gate_alloc = false;
  double alloc_threshold_pct = 0.0;
  bool fail_on_inconclusive = false;
  bool fail_on_missing = false;  // a scope in one report only fails the gate
};

enum class GateMethod {
  threshold_rule,   // SmallMind's total-runtime rule: no usable samples
  single_process,   // samples of one process a side: no test can separate code from process noise
  processes,        // Welch's t test on the log medians of independent processes
  paired_rounds,    // the t test on paired log differences of interleaved rounds (ab)
  not_comparable,   // different machines: timings are not compared
};

// The methods whose per-scope tests decide the time verdict.
inline bool is_statistical(GateMethod method) {
  return method == GateMethod::processes || method == GateMethod::paired_rounds;
}

enum class ScopeVerdict { unchanged, improved, regressed, inconclusive };

struct ScopeStatistics {
  std::string name;
  std::vector<std::string> parents;     // the scopes it is nested in; empty at the top level
  bool tested = false;                  // in the gate's family (top-level scopes)
  std::size_t previous_samples = 0;
  std::size_t current_samples = 0;
  std::size_t previous_units = 0;       // processes (rounds when paired)
  std::size_t current_units = 0;
  double previous_median_ms = 0.0;
  double current_median_ms = 0.0;
  std::optional<double> ratio;          // the estimated change, current / previous
  std::optional<Interval> ratio_interval;
  std::optional<double> detectable_ratio;  // smallest change the test would detect (80 % power)
  double threshold_pct = 0.0;           // the gate's threshold, or the accepted slowdown for this scope
  double p_value = 1.0;
  double p_adjusted = 1.0;              // Holm, across the tested scopes
  bool significant = false;
  // With a machine shift (GateResult::machine_shift): whether the change,
  // taken relative to that shift, is significant and beyond the threshold too.
  // A scope regresses or improves only if it is.
  bool beyond_machine_shift = true;
  ScopeVerdict verdict = ScopeVerdict::unchanged;
  std::optional<std::size_t> units_needed;  // processes (rounds) a side to settle an inconclusive scope
};

// Geometric mean of the top-level scopes' ratios.
struct OverallChange {
  std::size_t scopes = 0;
  double ratio = 1.0;
  std::optional<Interval> interval;
};

struct AllocationChange {
  std::string name;
  bool exact = false;  // counts and bytes known (our JSON); otherwise MB as printed
  std::uint64_t previous_count = 0;
  std::uint64_t current_count = 0;
  std::uint64_t previous_bytes = 0;
  std::uint64_t current_bytes = 0;
  double previous_mb = 0.0;
  double current_mb = 0.0;
  bool exceeded = false;  // grew by more than the allocation threshold
  // Changes in percent: of bytes (exact) or MB, and of the count (exact only);
  // empty when the previous figure is 0 or, for the count, not known.
  std::optional<double> size_change_pct;
  std::optional<double> count_change_pct;
};

struct EnvironmentDifference {
  std::string field;
  std::string previous;
  std::string current;
};

enum class GateVerdict { pass, regression, inconclusive };

struct GateResult {
  GateOptions options;
  GateMethod method = GateMethod::threshold_rule;
  std::string method_reason;  // why the method was chosen, when it is not the statistical one
  std::optional<double> detectable_pct;  // median over tested scopes of the smallest detectable change
  // Separately run reports (processes, unpaired) with enough tested scopes:
  // the median of their ratios, the speed at which the whole machine ran.
  std::optional<double> machine_shift;
  std::vector<ScopeStatistics> scopes;  // statistical method only, detailed order
  std::optional<OverallChange> overall;
  std::vector<AllocationChange> allocations;  // scopes whose allocations changed
  std::vector<EnvironmentDifference> environment;
  std::vector<std::string> warnings;  // e.g. an unoptimised build was measured
  bool time_failed = false;
  bool alloc_failed = false;
  bool missing_failed = false;  // scopes in one report only, with fail_on_missing
  std::size_t regressed = 0;
  std::size_t improved = 0;
  std::size_t inconclusive = 0;
  std::size_t unchanged = 0;
  GateVerdict verdict = GateVerdict::pass;
};

struct ComparisonRecord {
  SmallMindComparison smallmind;
  GateResult gate;
};

}  // namespace smp::report
