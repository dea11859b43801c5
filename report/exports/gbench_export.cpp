#include "report/exports/gbench_export.hpp"

#include <cmath>
#include <numeric>

#include <nlohmann/json.hpp>

#include "report/records/stats.hpp"

namespace smp::report {
namespace {

using nlohmann::json;

json run_entry(const ScopeRecord& scope, int family, std::size_t repetitions, double time_per_call_ms) {
  return {{"name", scope.name},
          {"family_index", family},
          {"per_family_instance_index", 0},
          {"run_name", scope.name},
          {"repetitions", repetitions},
          {"threads", 1},
          {"iterations", scope.calls},
          {"real_time", time_per_call_ms},
          {"cpu_time", time_per_call_ms},
          {"time_unit", "ms"}};
}

double standard_deviation(const std::vector<double>& values) {
  if (values.size() < 2) return 0.0;
  const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
  double squares = 0.0;
  for (double v : values) squares += (v - mean) * (v - mean);
  return std::sqrt(squares / double(values.size() - 1));
}

}  // namespace

std::string profile_to_gbench_json(const ProfileRecord& profile) {
  json context = {{"date", profile.generated}, {"library_build_type", "release"}, {"caches", json::array()}};
  if (profile.context) {
    const RunContext& e = *profile.context;
    context["host_name"] = e.machine.host;
    context["num_cpus"] = e.machine.cores;
    context["library_build_type"] = e.machine.build_type == "Debug" ? "debug" : "release";
    context["executable"] = "smallmind-prof " + e.machine.tool_version;
  }
  json benchmarks = json::array();
  int family = 0;
  for (const ScopeRecord& scope : profile.scopes) {
    if (scope.calls <= 0) continue;
    const double calls = static_cast<double>(scope.calls);
    std::vector<double> per_call;
    for (double total : scope.inclusive_ms) per_call.push_back(total / calls);
    if (per_call.empty()) per_call.push_back(scope.avg_ms());
    for (std::size_t r = 0; r < per_call.size(); ++r) {
      json entry = run_entry(scope, family, per_call.size(), per_call[r]);
      entry["run_type"] = "iteration";
      entry["repetition_index"] = r;
      benchmarks.push_back(entry);
    }
    const double mean = std::accumulate(per_call.begin(), per_call.end(), 0.0) / double(per_call.size());
    for (const auto& [aggregate, value] : {std::pair{"mean", mean}, std::pair{"median", median(per_call)},
                                           std::pair{"stddev", standard_deviation(per_call)}}) {
      json entry = run_entry(scope, family, per_call.size(), value);
      entry["name"] = scope.name + "_" + aggregate;
      entry["run_type"] = "aggregate";
      entry["aggregate_name"] = aggregate;
      entry["aggregate_unit"] = "time";
      benchmarks.push_back(entry);
    }
    ++family;
  }
  return json{{"context", context}, {"benchmarks", benchmarks}}.dump(2) + "\n";
}

}  // namespace smp::report
