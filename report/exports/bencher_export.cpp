#include "report/exports/bencher_export.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "report/exports/per_call.hpp"

namespace smp::report {

std::string profile_to_bencher_json(const ProfileRecord& profile) {
  nlohmann::json document = nlohmann::json::object();
  for (const ScopeRecord& scope : profile.scopes) {
    if (scope.calls <= 0) continue;
    const PerCall figures = per_call(scope);
    nlohmann::json measures = {{"latency", {{"value", figures.median_ns}}}};
    // Only our own measurements carry samples and exact byte counts; parsed
    // markdown has a single rounded time and MB figure.
    if (scope.has_samples()) {
      const auto [fastest, slowest] = std::minmax_element(figures.time_ns.begin(), figures.time_ns.end());
      measures["latency"]["lower_value"] = *fastest;
      measures["latency"]["upper_value"] = *slowest;
      measures[kBencherHeapBytesMeasure] = {{"value", figures.heap_bytes}};
      measures[kBencherHeapAllocationsMeasure] = {{"value", figures.heap_allocations}};
    }
    document[scope.name] = std::move(measures);
  }
  return document.dump(2) + "\n";
}

}  // namespace smp::report
