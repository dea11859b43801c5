#include "report/exports/github_benchmark_export.hpp"

#include <nlohmann/json.hpp>

#include "report/formats/number_format.hpp"
#include "report/records/stats.hpp"

namespace smp::report {

std::string profile_to_github_benchmark_json(const ProfileRecord& profile) {
  nlohmann::json entries = nlohmann::json::array();
  for (const ScopeRecord& scope : profile.scopes) {
    nlohmann::json entry = {{"name", scope.name}, {"unit", "ms"}, {"value", scope.time_ms()}};
    // The action prints the range as given; without samples there is no spread to show.
    if (!scope.inclusive_ms.empty()) entry["range"] = "± " + compact(summarise(scope.inclusive_ms).mad);
    entry["extra"] = std::to_string(scope.calls) + " call(s) per repetition; median of " +
                     std::to_string(scope.inclusive_ms.size()) + " repetition(s)";
    entries.push_back(std::move(entry));
  }
  return entries.dump(2) + "\n";
}

}  // namespace smp::report
