#include "report/analysis/compare.hpp"
#include "report/analysis/finite_figures.hpp"
#include "report/analysis/gate.hpp"
#include "report/common/workload.hpp"
#include "report/records/find_by_name.hpp"
#include "report/records/percent_change.hpp"
#include "report/common/units.hpp"
#include "report/records/rates.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <unordered_map>
#include <utility>

#include "report/common/errors.hpp"

namespace smp::report {
namespace {

// SmallMind's fixed rules.
constexpr double kUnchangedBandPct = 5.0;    // a method within +-5 % is unchanged
constexpr double kVerdictBandPct = 10.0;     // the overall verdict's tolerance
constexpr double kParameterRatio = 7.3;      // SmallMind's literal medium/small parameter ratio
constexpr std::string_view kSmallModel = "Model_Small_Inference";
constexpr std::string_view kMediumModel = "Model_Medium_Inference";
constexpr std::array<int, 3> kSimdSizes{128, 256, 512};
// SmallMind's MatMul_NxN scope runs the product 4 times (a warm-up and 3 timed
// iterations); one call is a quarter of the scope's time.
constexpr double kMatMulCallsPerScope = 4.0;

TotalChange total_change(double previous, double current) {
  const double delta = current - previous;
  return {previous, current, delta, percent_change(previous, current)};
}

ScopeComparison compare_scope(const ScopeRecord& previous, const ScopeRecord& current) {
  ScopeComparison method;
  method.name = previous.name;
  method.previous_ms = previous.time_ms();
  method.current_ms = current.time_ms();
  method.delta_ms = current.time_ms() - previous.time_ms();
  method.change_pct = percent_change(previous.time_ms(), current.time_ms());
  method.previous_alloc_mb = previous.alloc_mb();
  method.current_alloc_mb = current.alloc_mb();
  // No percentage (previous 0) reads as unchanged, as SmallMind's 0 % does.
  const double change = method.change_pct.value_or(0.0);
  method.status = std::fabs(change) < kUnchangedBandPct ? ScopeStatus::unchanged
                  : change < 0.0                        ? ScopeStatus::improved
                                                        : ScopeStatus::regressed;
  return method;
}

ModelThroughput throughput(const ScopeComparison& model) {
  ModelThroughput result;
  if (model.current_ms != 0.0) result.tokens_per_second = kGeneratedTokens / (model.current_ms / kMsPerSecond);
  result.latency_ms = model.current_ms / kGeneratedTokens;
  result.memory_mb = model.current_alloc_mb / kGeneratedTokens;
  return result;
}

std::optional<ModelScaling> model_scaling(const std::vector<ScopeComparison>& methods) {
  const ScopeComparison* small = find_by_name(methods, kSmallModel);
  const ScopeComparison* medium = find_by_name(methods, kMediumModel);
  if (!small || !medium) return std::nullopt;
  ModelScaling scaling{*small, *medium, {}, {}, throughput(*small), throughput(*medium)};
  if (small->current_ms != 0.0) scaling.time_ratio = medium->current_ms / small->current_ms;
  if (scaling.time_ratio && *scaling.time_ratio != 0.0) scaling.efficiency = kParameterRatio / *scaling.time_ratio;
  return scaling;
}

// GFLOPS of one call at the current time. Our own profiles record the work a
// scope does; SmallMind's reports do not, so its scope layout is assumed.
std::optional<double> gflops_per_call(int size, const ScopeComparison& method, const ScopeRecord& current) {
  if (method.current_ms <= 0.0) return std::nullopt;
  if (current.flops_per_call > 0.0) {
    return giga_per_second(current.flops_per_call, static_cast<double>(current.calls), method.current_ms);
  }
  const double n = size;
  return giga_per_second(2.0 * n * n * n, kMatMulCallsPerScope, method.current_ms);
}

std::vector<SimdRow> simd_rows(const std::vector<ScopeComparison>& methods, const ProfileRecord& current) {
  std::vector<SimdRow> rows;
  for (int size : kSimdSizes) {
    const std::string name = "MatMul_" + std::to_string(size) + "x" + std::to_string(size);
    const ScopeComparison* method = find_by_name(methods, name);
    if (!method) continue;
    rows.push_back({*method, size, gflops_per_call(size, *method, *find_by_name(current.scopes, name))});
  }
  return rows;
}

std::string run_stamp(const ProfileRecord& record) {
  if (!record.generated.empty()) return record.generated;
  if (record.context && !record.context->measured.timestamp.empty()) return record.context->measured.timestamp;
  return "unknown";
}

using ScopesByName = std::unordered_map<std::string_view, const ScopeRecord*>;

ScopesByName by_name(const ProfileRecord& record) {
  ScopesByName index;
  for (const ScopeRecord& scope : record.scopes) index.emplace(scope.name, &scope);
  return index;
}

// SmallMind's column sum, left to right over the report's rows as SmallMind
// sums (nested scopes counted again inside their parents), but over the
// scopes both reports hold: a scope one lacks would move the total by its
// whole time.
template <class Field>
double common_sum(const ProfileRecord& record, const ScopesByName& other, Field field) {
  double sum = 0.0;
  for (const ScopeRecord& scope : record.scopes) {
    if (other.contains(scope.name)) sum += field(scope);
  }
  return sum;
}

std::vector<std::string> missing_from(const ProfileRecord& record, const ScopesByName& other) {
  std::vector<std::string> names;
  for (const ScopeRecord& scope : record.scopes) {
    if (!other.contains(scope.name)) names.push_back(scope.name);
  }
  return names;
}

// Over the common scopes one side may still have measured nothing (its other
// scopes carried all its time): no change can be told against it.
void check_common_measured(const SmallMindComparison& smallmind, const ProfileRecord& previous,
                           const ProfileRecord& current) {
  if (smallmind.scopes.empty()) return;  // no scope in common: the command says so
  for (const auto& [total, record] : {std::pair{smallmind.runtime_ms.previous, &previous},
                                      std::pair{smallmind.runtime_ms.current, &current}}) {
    if (total == 0.0) {
      throw InputError(record->source, "has no measurements for the scopes both reports hold: each one's time is 0");
    }
  }
}

}  // namespace

SmallMindComparison compare_smallmind(const ProfileRecord& previous, const ProfileRecord& current) {
  SmallMindComparison smallmind;
  smallmind.previous_generated = run_stamp(previous);
  smallmind.current_generated = run_stamp(current);
  smallmind.previous_scope_count = previous.scopes.size();
  smallmind.current_scope_count = current.scopes.size();

  const ScopesByName previous_by_name = by_name(previous);
  const ScopesByName current_by_name = by_name(current);
  for (const ScopeRecord& scope : previous.scopes) {  // the previous report's order
    const auto found = current_by_name.find(scope.name);
    if (found != current_by_name.end()) smallmind.scopes.push_back(compare_scope(scope, *found->second));
  }
  smallmind.previous_only = missing_from(previous, current_by_name);
  smallmind.current_only = missing_from(current, previous_by_name);
  const auto time = [](const ScopeRecord& scope) { return scope.time_ms(); };
  const auto alloc = [](const ScopeRecord& scope) { return scope.alloc_mb(); };
  smallmind.runtime_ms = total_change(common_sum(previous, current_by_name, time), common_sum(current, previous_by_name, time));
  smallmind.alloc_mb = total_change(common_sum(previous, current_by_name, alloc), common_sum(current, previous_by_name, alloc));
  const double total_pct = smallmind.runtime_ms.change_pct.value_or(0.0);
  smallmind.trend = total_pct < -kVerdictBandPct  ? Trend::improved
               : total_pct > kVerdictBandPct ? Trend::regressed
                                             : Trend::stable;

  std::stable_sort(smallmind.scopes.begin(), smallmind.scopes.end(), [](const ScopeComparison& a, const ScopeComparison& b) {
    return std::fabs(a.delta_ms) > std::fabs(b.delta_ms);
  });
  smallmind.models = model_scaling(smallmind.scopes);
  smallmind.simd = simd_rows(smallmind.scopes, current);
  return smallmind;
}

ComparisonRecord compare_profiles(const ProfileRecord& previous, const ProfileRecord& current,
                                  const GateOptions& options) {
  ComparisonRecord record;
  record.smallmind = compare_smallmind(previous, current);
  check_common_measured(record.smallmind, previous, current);
  record.gate = evaluate_gate(previous, current, record.smallmind, options);
  check_finite_figures(record, previous, current);
  return record;
}

}  // namespace smp::report
