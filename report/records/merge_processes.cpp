#include "report/records/merge_processes.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "report/records/find_by_name.hpp"
#include "report/records/stats.hpp"

namespace smp::report {
namespace {

void append_process(ScopeRecord& merged, const ScopeRecord& scope, std::uint32_t process) {
  const std::size_t samples = scope.inclusive_ms.size();
  merged.inclusive_ms.insert(merged.inclusive_ms.end(), scope.inclusive_ms.begin(), scope.inclusive_ms.end());
  merged.self_ms.insert(merged.self_ms.end(), scope.self_ms.begin(), scope.self_ms.end());
  merged.sample_process.insert(merged.sample_process.end(), samples, process);
  merged.min_call_ms = std::min(merged.min_call_ms, scope.min_call_ms);
  merged.max_call_ms = std::max(merged.max_call_ms, scope.max_call_ms);
}

}  // namespace

ProfileRecord merge_processes(std::span<const ProfileRecord> profiles) {
  if (profiles.empty()) throw std::invalid_argument("no process profiles to merge");
  ProfileRecord merged = profiles.front();
  for (ScopeRecord& scope : merged.scopes) {
    scope.inclusive_ms.clear();
    scope.self_ms.clear();
    scope.sample_process.clear();
  }
  std::vector<double> overheads;
  double wall_ms = 0.0;
  for (std::size_t process = 0; process < profiles.size(); ++process) {
    const ProfileRecord& profile = profiles[process];
    if (profile.scopes.size() != merged.scopes.size()) {
      throw std::invalid_argument("process " + std::to_string(process) + " recorded " +
                                  std::to_string(profile.scopes.size()) + " scopes, the first " +
                                  std::to_string(merged.scopes.size()));
    }
    for (ScopeRecord& scope : merged.scopes) {
      const ScopeRecord* same = find_by_name(profile.scopes, scope.name);
      if (!same) throw std::invalid_argument("process " + std::to_string(process) + " lacks scope " + scope.name);
      append_process(scope, *same, static_cast<std::uint32_t>(process));
    }
    if (profile.context) {
      overheads.push_back(profile.context->measured.scope_overhead_ns);
      wall_ms += profile.context->measured.wall_ms;
    }
  }
  if (merged.context) {
    merged.context->settings.processes = static_cast<int>(profiles.size());
    merged.context->measured.wall_ms = wall_ms;
    if (!overheads.empty()) merged.context->measured.scope_overhead_ns = median(overheads);
  }
  return merged;
}

}  // namespace smp::report
