#include "report/formats/comparison_json.hpp"

#include <nlohmann/json.hpp>

#include "report/formats/gate_text.hpp"
#include "report/formats/render_comparison.hpp"
#include "report/formats/render_summary.hpp"

namespace smp::report {

namespace {

using nlohmann::json;

constexpr std::string_view kKind = "smallmind-prof comparison";

json optional_json(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json interval_json(const std::optional<Interval>& interval) {
  return interval ? json{{"low", interval->low}, {"high", interval->high}} : json(nullptr);
}

std::string status_name(ScopeStatus status) {
  switch (status) {
    case ScopeStatus::improved: return "improved";
    case ScopeStatus::regressed: return "regressed";
    case ScopeStatus::unchanged: break;
  }
  return "unchanged";
}

std::string trend_name(Trend trend) {
  switch (trend) {
    case Trend::improved: return "improved";
    case Trend::regressed: return "regressed";
    case Trend::stable: break;
  }
  return "stable";
}

json total_json(const TotalChange& total) {
  return {{"previous", total.previous}, {"current", total.current}, {"delta", total.delta},
          {"change_pct", optional_json(total.change_pct)}};
}

json scope_comparison_json(const ScopeComparison& method) {
  return {{"name", method.name},
          {"previous_ms", method.previous_ms},
          {"current_ms", method.current_ms},
          {"delta_ms", method.delta_ms},
          {"change_pct", optional_json(method.change_pct)},
          {"previous_alloc_mb", method.previous_alloc_mb},
          {"current_alloc_mb", method.current_alloc_mb},
          {"status", status_name(method.status)}};
}

json throughput_json(const ModelThroughput& model) {
  return {{"tokens_per_second", optional_json(model.tokens_per_second)},
          {"latency_ms_per_token", model.latency_ms},
          {"memory_mb_per_token", model.memory_mb}};
}

json smallmind_json(const SmallMindComparison& smallmind) {
  json methods = json::array();
  for (const ScopeComparison& method : smallmind.scopes) methods.push_back(scope_comparison_json(method));
  json simd = json::array();
  for (const SimdRow& row : smallmind.simd) {
    simd.push_back({{"method", scope_comparison_json(row.method)}, {"size", row.size},
                    {"gflops_per_call", optional_json(row.gflops_per_call)}});
  }
  json models = nullptr;
  if (smallmind.models) {
    models = {{"small", scope_comparison_json(smallmind.models->small)},
              {"medium", scope_comparison_json(smallmind.models->medium)},
              {"time_ratio", optional_json(smallmind.models->time_ratio)},
              {"efficiency", optional_json(smallmind.models->efficiency)},
              {"small_throughput", throughput_json(smallmind.models->small_throughput)},
              {"medium_throughput", throughput_json(smallmind.models->medium_throughput)}};
  }
  return {{"previous_generated", smallmind.previous_generated},
          {"current_generated", smallmind.current_generated},
          {"runtime_ms", total_json(smallmind.runtime_ms)},
          {"alloc_mb", total_json(smallmind.alloc_mb)},
          {"previous_methods", smallmind.previous_scope_count},
          {"current_methods", smallmind.current_scope_count},
          {"trend", trend_name(smallmind.trend)},
          {"methods", std::move(methods)},
          {"previous_only", smallmind.previous_only},
          {"current_only", smallmind.current_only},
          {"models", std::move(models)},
          {"simd", std::move(simd)}};
}

std::string method_name(GateMethod method) {
  switch (method) {
    case GateMethod::threshold_rule: return "threshold_rule";
    case GateMethod::single_process: return "single_process";
    case GateMethod::processes: return "processes";
    case GateMethod::paired_rounds: return "paired_rounds";
    case GateMethod::not_comparable: return "not_comparable";
  }
  return "threshold_rule";
}

json scope_json(const ScopeStatistics& stats) {
  return {{"name", stats.name},
          {"parents", stats.parents},
          {"tested", stats.tested},
          {"threshold_pct", stats.threshold_pct},
          {"previous_samples", stats.previous_samples},
          {"current_samples", stats.current_samples},
          {"previous_units", stats.previous_units},
          {"current_units", stats.current_units},
          {"previous_median_ms", stats.previous_median_ms},
          {"current_median_ms", stats.current_median_ms},
          {"ratio", optional_json(stats.ratio)},
          {"ratio_interval", interval_json(stats.ratio_interval)},
          {"p_value", stats.p_value},
          {"p_adjusted", stats.p_adjusted},
          {"significant", stats.significant},
          {"beyond_machine_shift", stats.beyond_machine_shift},
          {"detectable_pct", stats.detectable_ratio ? json((*stats.detectable_ratio - 1.0) * 100.0) : json(nullptr)},
          {"verdict", scope_verdict_name(stats.verdict)},
          {"units_needed", stats.units_needed ? json(*stats.units_needed) : json(nullptr)}};
}

json allocation_json(const AllocationChange& change) {
  json entry = {{"name", change.name},
                {"exact", change.exact},
                {"previous_mb", change.previous_mb},
                {"current_mb", change.current_mb},
                {"size_change_pct", optional_json(change.size_change_pct)},
                {"exceeded", change.exceeded}};
  if (change.exact) {
    entry["previous_count"] = change.previous_count;
    entry["current_count"] = change.current_count;
    entry["previous_bytes"] = change.previous_bytes;
    entry["current_bytes"] = change.current_bytes;
    entry["count_change_pct"] = optional_json(change.count_change_pct);
  }
  return entry;
}

json gate_json(const ComparisonRecord& record) {
  const GateResult& gate = record.gate;
  json scopes = json::array();
  for (const ScopeStatistics& stats : gate.scopes) scopes.push_back(scope_json(stats));
  json allocations = json::array();
  for (const AllocationChange& change : gate.allocations) allocations.push_back(allocation_json(change));
  json environment = json::array();
  for (const EnvironmentDifference& difference : gate.environment) {
    environment.push_back({{"field", difference.field}, {"previous", difference.previous}, {"current", difference.current}});
  }
  json overall = nullptr;
  if (gate.overall) {
    overall = {{"scopes", gate.overall->scopes}, {"ratio", gate.overall->ratio},
               {"interval", interval_json(gate.overall->interval)}};
  }
  return {{"options", {{"threshold_pct", gate.options.threshold_pct},
                       {"alpha", gate.options.alpha},
                       {"paired", gate.options.paired},
                       {"gate_time", gate.options.gate_time},
                       {"gate_alloc", gate.options.gate_alloc},
                       {"alloc_threshold_pct", gate.options.alloc_threshold_pct},
                       {"fail_on_inconclusive", gate.options.fail_on_inconclusive},
                       {"fail_on_missing", gate.options.fail_on_missing}}},
          {"method", method_name(gate.method)},
          {"method_reason", gate.method_reason},
          {"detectable_pct", optional_json(gate.detectable_pct)},
          {"machine_shift", optional_json(gate.machine_shift)},
          {"verdict", verdict_word(gate.verdict)},
          {"verdict_line", render_verdict_line(record)},
          {"time_failed", gate.time_failed},
          {"alloc_failed", gate.alloc_failed},
          {"missing_failed", gate.missing_failed},
          {"counts", {{"regressed", gate.regressed}, {"improved", gate.improved},
                      {"inconclusive", gate.inconclusive}, {"unchanged", gate.unchanged}}},
          {"overall", std::move(overall)},
          {"scopes", std::move(scopes)},
          {"allocations", std::move(allocations)},
          {"environment_differences", std::move(environment)},
          {"warnings", gate.warnings}};
}

}  // namespace

json comparison_document(const ComparisonRecord& record) {
  return {{"schema_version", kComparisonSchemaVersion},
          {"kind", kKind},
          {"smallmind", smallmind_json(record.smallmind)},
          {"gate", gate_json(record)}};
}

std::string comparison_to_json(const ComparisonRecord& record) { return comparison_document(record).dump(2) + "\n"; }

}  // namespace smp::report
