#include "report/exports/github_benchmark_export.hpp"

#include <nlohmann/json.hpp>

#include "report/exports/per_call.hpp"
#include "report/formats/number_format.hpp"

namespace smp::report {

std::string profile_to_github_benchmark_json(const ProfileRecord& profile) {
  const std::string build =
      profile.context ? "; smallmind-prof " + profile.context->machine.tool_version + ", " +
                            build_commit_text(profile.context->machine)
                      : std::string();
  nlohmann::json entries = nlohmann::json::array();
  for (const ScopeRecord& scope : profile.scopes) {
    if (scope.calls <= 0) continue;
    const PerCall figures = per_call(scope);
    const std::string per_call_text = "per call (" + std::to_string(scope.calls) + " per repetition), median of " +
                                      std::to_string(figures.time_ns.size()) + " repetition(s)";
    nlohmann::json time = {{"name", scope.name}, {"unit", "ns"}, {"value", figures.median_ns}};
    // The action prints the range as given; without samples there is no spread to show.
    if (scope.has_samples()) time["range"] = "± " + compact(figures.spread_ns);
    time["extra"] = per_call_text + (scope.has_samples() ? "; range 1.4826 × MAD" : "") + build;
    entries.push_back(std::move(time));
    if (!scope.has_samples()) continue;
    entries.push_back({{"name", scope.name + " heap bytes"},
                       {"unit", "bytes"},
                       {"value", figures.heap_bytes},
                       {"extra", "heap bytes allocated inside the scope, " + per_call_text + build}});
    entries.push_back({{"name", scope.name + " heap allocations"},
                       {"unit", "allocations"},
                       {"value", figures.heap_allocations},
                       {"extra", "operator new calls inside the scope, " + per_call_text + build}});
  }
  return entries.dump(2) + "\n";
}

}  // namespace smp::report
