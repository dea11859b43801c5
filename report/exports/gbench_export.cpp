#include "report/exports/gbench_export.hpp"

#include <charconv>
#include <cmath>
#include <numeric>

#include <nlohmann/json.hpp>

#include "report/exports/per_call.hpp"
#include "report/records/stats.hpp"

namespace smp::report {
namespace {

using nlohmann::json;

constexpr int kJsonSchemaVersion = 1;

// "L1d 48K" / "L2 2048K" (the kernel's names) as Google Benchmark's cache
// entries; the number of CPUs sharing one is not recorded, so it is left out.
std::optional<json> cache_json(const std::string& text) {
  const std::size_t space = text.find(' ');
  if (text.size() < 2 || text[0] != 'L' || space == std::string::npos) return std::nullopt;
  int level = 0;
  const std::string_view name(text.data() + 1, space - 1);
  const auto [level_end, level_error] = std::from_chars(name.data(), name.data() + name.size(), level);
  if (level_error != std::errc()) return std::nullopt;
  const std::string_view kind(level_end, static_cast<std::size_t>(name.data() + name.size() - level_end));
  long long size = 0;
  const std::string_view size_text(text.data() + space + 1, text.size() - space - 1);
  const auto [size_end, size_error] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size);
  if (size_error != std::errc()) return std::nullopt;
  const std::string_view suffix(size_end, static_cast<std::size_t>(size_text.data() + size_text.size() - size_end));
  const long long multiplier = suffix == "K" ? 1024 : suffix == "M" ? 1024 * 1024 : suffix.empty() ? 1 : 0;
  if (multiplier == 0) return std::nullopt;
  return json{{"type", kind == "d" ? "Data" : "Unified"}, {"level", level}, {"size", size * multiplier}};
}

json context_json(const ProfileRecord& profile) {
  json context = {{"date", profile.generated},
                  {"json_schema_version", kJsonSchemaVersion},
                  {"cpu_time", "wall time: the profiler measures wall time only, so cpu_time repeats real_time"},
                  {"time_per", "call: a scope's time in one repetition of the suite divided by its calls (iterations)"}};
  if (!profile.context) return context;
  const RunContext& e = *profile.context;
  context["host_name"] = e.machine.host;
  context["executable"] = "smallmind-prof";
  context["num_cpus"] = e.machine.cores;
  if (e.machine.mhz_per_cpu > 0) context["mhz_per_cpu"] = e.machine.mhz_per_cpu;
  if (e.machine.cpu_scaling_enabled) context["cpu_scaling_enabled"] = *e.machine.cpu_scaling_enabled;
  json caches = json::array();
  for (const std::string& cache : e.machine.caches) {
    if (auto entry = cache_json(cache)) caches.push_back(std::move(*entry));
  }
  context["caches"] = std::move(caches);
  context["load_avg"] = e.measured.load_avg;
  context["library_version"] = e.machine.tool_version;
  context["library_build_type"] = is_unoptimised_build(e.machine) ? "debug" : "release";
  // Google Benchmark's custom context entries are strings.
  context["build_commit"] = e.machine.build_commit;
  context["build_dirty"] = e.machine.build_dirty ? (*e.machine.build_dirty ? "true" : "false") : "unknown";
  return context;
}

json run_entry(const ScopeRecord& scope, int family, std::size_t repetitions, int threads, double time_ns) {
  return {{"name", scope.name},
          {"family_index", family},
          {"per_family_instance_index", 0},
          {"run_name", scope.name},
          {"repetitions", repetitions},
          {"threads", threads},
          {"iterations", scope.calls},
          {"real_time", time_ns},
          {"cpu_time", time_ns},
          {"time_unit", "ns"}};
}

double standard_deviation(const std::vector<double>& values, double mean) {
  double squares = 0.0;
  for (double v : values) squares += (v - mean) * (v - mean);
  return std::sqrt(squares / double(values.size() - 1));
}

}  // namespace

std::string profile_to_gbench_json(const ProfileRecord& profile) {
  const int threads = profile.context ? profile.context->settings.threads : 1;
  json benchmarks = json::array();
  int family = 0;
  for (const ScopeRecord& scope : profile.scopes) {
    if (scope.calls <= 0) continue;
    const PerCall figures = per_call(scope);
    const std::vector<double> times = figures.time_ns.empty() ? std::vector<double>{figures.median_ns} : figures.time_ns;
    for (std::size_t r = 0; r < times.size(); ++r) {
      json entry = run_entry(scope, family, times.size(), threads, times[r]);
      entry["run_type"] = "iteration";
      entry["repetition_index"] = r;
      benchmarks.push_back(std::move(entry));
    }
    if (times.size() >= 2) {
      const double mean = std::accumulate(times.begin(), times.end(), 0.0) / double(times.size());
      const double stddev = standard_deviation(times, mean);
      const struct {
        const char* name;
        const char* unit;
        double value;
      } aggregates[] = {{"mean", "time", mean},
                        {"median", "time", median(times)},
                        {"stddev", "time", stddev},
                        {"cv", "percentage", mean > 0.0 ? stddev / mean : 0.0}};
      for (const auto& aggregate : aggregates) {
        json entry = run_entry(scope, family, times.size(), threads, aggregate.value);
        entry["name"] = scope.name + "_" + aggregate.name;
        entry["run_type"] = "aggregate";
        entry["aggregate_name"] = aggregate.name;
        entry["aggregate_unit"] = aggregate.unit;
        benchmarks.push_back(std::move(entry));
      }
    }
    ++family;
  }
  return json{{"context", context_json(profile)}, {"benchmarks", benchmarks}}.dump(2) + "\n";
}

}  // namespace smp::report
