#include "report/exports/bencher_export.hpp"

#include <nlohmann/json.hpp>

#include "report/records/stats.hpp"
#include "report/common/units.hpp"

namespace smp::report {
namespace {


}  // namespace

std::string profile_to_bencher_json(const ProfileRecord& profile) {
  nlohmann::json document = nlohmann::json::object();
  for (const ScopeRecord& scope : profile.scopes) {
    nlohmann::json measures = {{"latency", {{"value", scope.time_ms() * kNsPerMs}}}};
    // Only our own measurements carry samples and exact byte counts; parsed
    // markdown has a single rounded time and MB figure.
    if (!scope.inclusive_ms.empty()) {
      const Summary summary = summarise(scope.inclusive_ms);
      measures["latency"]["lower_value"] = summary.min * kNsPerMs;
      measures["latency"]["upper_value"] = summary.max * kNsPerMs;
      measures["heap-bytes"] = {{"value", scope.alloc_bytes}};
    }
    document[scope.name] = std::move(measures);
  }
  return document.dump(2) + "\n";
}

}  // namespace smp::report
