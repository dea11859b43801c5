// Our reports' JSON context block: the RunContext record and back.
#include "report/formats/environment_json.hpp"

#include <stdexcept>
#include <type_traits>
#include <utility>

#include "report/io/input_limits.hpp"

namespace smp::report {

nlohmann::json environment_to_json(const RunContext& environment) {
  nlohmann::json models = nlohmann::json::array();
  for (const ModelInfo& model : environment.measured.models) {
    models.push_back({{"name", model.name},
                      {"vocab", model.vocab},
                      {"block", model.block},
                      {"d_model", model.d_model},
                      {"layers", model.layers},
                      {"heads", model.heads},
                      {"parameters", model.parameters},
                      {"tensors", model.tensors}});
  }
  nlohmann::json slowdowns = nlohmann::json::array();
  for (const InjectedSlowdown& slowdown : environment.settings.injected_slowdowns) {
    slowdowns.push_back({{"scope", slowdown.scope}, {"percent", slowdown.percent}});
  }
  return {{"tool_version", environment.machine.tool_version},
          {"timestamp", environment.measured.timestamp},
          {"host", environment.machine.host},
          {"cpu_model", environment.machine.cpu_model},
          {"cores", environment.machine.cores},
          {"caches", environment.machine.caches},
          {"mhz_per_cpu", environment.machine.mhz_per_cpu},
          // A word, not a boolean or null, so the document's shape is the same on every machine.
          {"cpu_scaling", !environment.machine.cpu_scaling_enabled ? "unknown"
                          : *environment.machine.cpu_scaling_enabled ? "enabled" : "disabled"},
          {"load_avg", environment.measured.load_avg},
          {"isa", environment.machine.isa},
          {"compiler", environment.machine.compiler},
          {"compiler_flags", environment.machine.compiler_flags},
          {"build_type", environment.machine.build_type},
          {"build_commit", environment.machine.build_commit},
          {"build_dirty", environment.machine.build_dirty ? nlohmann::json(*environment.machine.build_dirty) : nlohmann::json()},
          {"threads", environment.settings.threads},
          {"seed", environment.settings.seed},
          {"repetitions", environment.settings.repetitions},
          {"processes", environment.settings.processes},
          {"injected_slowdowns", slowdowns},
          {"models", models},
          {"peak_gflops", environment.measured.peak_gflops},
          {"peak_gbps", environment.measured.peak_gbps},
          {"peak_isa", environment.measured.peak_isa},
          {"path_peak_gflops", environment.measured.path_peak_gflops},
          {"peak_gflops_spread", environment.measured.peak_gflops_spread},
          {"peak_gbps_spread", environment.measured.peak_gbps_spread},
          {"scope_overhead_ns", environment.measured.scope_overhead_ns},
          {"wall_ms", environment.measured.wall_ms}};
}

namespace {

// get_to, except that an integer field takes only an integer it can hold:
// nlohmann converts 1e300 to int by a cast that is undefined behaviour, and
// -1 to an unsigned seed by wrapping. Refused with a type_error, as a value
// of the wrong type is.
template <class Field>
void read_checked(const nlohmann::json& value, Field& field) {
  if constexpr (std::is_integral_v<Field>) {
    const bool fits = value.is_number_unsigned()  ? std::in_range<Field>(value.get<std::uint64_t>())
                      : value.is_number_integer() ? std::in_range<Field>(value.get<std::int64_t>())
                                                  : false;
    if (!fits) {
      throw nlohmann::json::type_error::create(302, "expected an integer in range, got " + value.dump(), &value);
    }
  }
  value.get_to(field);
}

}  // namespace

RunContext environment_from_json(const nlohmann::json& context) {
  RunContext environment;
  const auto read = [&context](const char* key, auto& field) {
    if (context.contains(key) && !context[key].is_null()) read_checked(context[key], field);
  };
  read("tool_version", environment.machine.tool_version);
  read("timestamp", environment.measured.timestamp);
  read("host", environment.machine.host);
  read("cpu_model", environment.machine.cpu_model);
  read("cores", environment.machine.cores);
  read("caches", environment.machine.caches);
  read("mhz_per_cpu", environment.machine.mhz_per_cpu);
  read("load_avg", environment.measured.load_avg);
  read("isa", environment.machine.isa);
  read("compiler", environment.machine.compiler);
  read("compiler_flags", environment.machine.compiler_flags);
  read("build_type", environment.machine.build_type);
  read("build_commit", environment.machine.build_commit);
  const auto read_flag = [&context](const char* key, std::optional<bool>& flag) {
    if (context.contains(key) && !context[key].is_null()) flag = context[key].get<bool>();
  };
  read_flag("build_dirty", environment.machine.build_dirty);
  if (context.contains("cpu_scaling") && context["cpu_scaling"].is_string()) {
    const std::string scaling = context["cpu_scaling"].get<std::string>();
    if (scaling != "unknown") environment.machine.cpu_scaling_enabled = scaling == "enabled";
  }
  read("threads", environment.settings.threads);
  read("seed", environment.settings.seed);
  read("repetitions", environment.settings.repetitions);
  read("processes", environment.settings.processes);
  if (context.contains("injected_slowdowns") && context["injected_slowdowns"].is_array()) {
    for (const auto& entry : context["injected_slowdowns"]) {
      InjectedSlowdown slowdown;
      read_checked(entry.at("scope"), slowdown.scope);
      read_checked(entry.at("percent"), slowdown.percent);
      environment.settings.injected_slowdowns.push_back(slowdown);
    }
  }
  read("peak_gflops", environment.measured.peak_gflops);
  read("peak_gbps", environment.measured.peak_gbps);
  read("peak_isa", environment.measured.peak_isa);
  read("path_peak_gflops", environment.measured.path_peak_gflops);
  read("peak_gflops_spread", environment.measured.peak_gflops_spread);
  read("peak_gbps_spread", environment.measured.peak_gbps_spread);
  read("scope_overhead_ns", environment.measured.scope_overhead_ns);
  read("wall_ms", environment.measured.wall_ms);
  if (context.contains("models") && context["models"].is_array()) {
    if (context["models"].size() > kMaxReportRows) {
      throw std::length_error("models has " + std::to_string(context["models"].size()) +
                              " entries, over the limit of " + std::to_string(kMaxReportRows));
    }
    for (const auto& entry : context["models"]) {
      ModelInfo model;
      const auto read_model = [&entry](const char* key, auto& field) {
        if (entry.contains(key)) read_checked(entry[key], field);
      };
      read_model("name", model.name);
      read_model("vocab", model.vocab);
      read_model("block", model.block);
      read_model("d_model", model.d_model);
      read_model("layers", model.layers);
      read_model("heads", model.heads);
      read_model("parameters", model.parameters);
      read_model("tensors", model.tensors);
      environment.measured.models.push_back(model);
    }
  }
  return environment;
}

}  // namespace smp::report
