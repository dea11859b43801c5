// Our reports' JSON context block: the RunContext record and back.
#include "report/formats/environment_json.hpp"

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

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
          {"cpu_signature", environment.machine.cpu_signature},
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
          {"peak_gflops_after", environment.measured.peak_gflops_after},
          {"peak_gbps_spread", environment.measured.peak_gbps_spread},
          {"scope_overhead_ns", environment.measured.scope_overhead_ns},
          {"wall_ms", environment.measured.wall_ms}};
}

namespace {

// Each reader leaves `field` as it is when the member is absent or null.
void read_text(const FieldReader& object, const char* key, std::string& field) {
  if (auto value = object.optional_text(key)) field = std::move(*value);
}

template <class Integer>
void read_count(const FieldReader& object, const char* key, Integer& field) {
  if (const auto value = object.optional_integer<Integer>(key, 0)) field = *value;
}

void read_measurement(const FieldReader& object, const char* key, double& field) {
  if (const auto value = object.optional_measurement(key)) field = *value;
}

void read_flag(const FieldReader& object, const char* key, std::optional<bool>& flag) {
  const nlohmann::json* value = object.find(key);
  if (!value) return;
  if (!value->is_boolean()) object.fail(object.at(key), "is not true or false");
  flag = value->get<bool>();
}

std::vector<double> measurements_from_json(const FieldReader& object, const char* key) {
  std::vector<double> values;
  const nlohmann::json* list = object.optional_array(key);
  if (!list) return values;
  for (std::size_t i = 0; i < list->size(); ++i) values.push_back(object.measurement((*list)[i], object.at(key, i)));
  return values;
}

ModelInfo model_from_json(const FieldReader& entry) {
  ModelInfo model;
  read_text(entry, "name", model.name);
  read_count(entry, "vocab", model.vocab);
  read_count(entry, "block", model.block);
  read_count(entry, "d_model", model.d_model);
  read_count(entry, "layers", model.layers);
  read_count(entry, "heads", model.heads);
  read_count(entry, "parameters", model.parameters);
  read_count(entry, "tensors", model.tensors);
  return model;
}

InjectedSlowdown slowdown_from_json(const FieldReader& entry) {
  return {entry.text("scope"), entry.measurement(entry.required("percent"), entry.at("percent"))};
}

// The readers of each entry of the array at `key`.
template <class Read>
void for_each_entry(const FieldReader& object, const char* key, Read read) {
  const nlohmann::json* list = object.optional_array(key);
  if (!list) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    read(object.reader_for((*list)[i], object.at(key, i)));
  }
}

}  // namespace

RunContext environment_from_json(const FieldReader& context) {
  RunContext environment;
  read_text(context, "tool_version", environment.machine.tool_version);
  read_text(context, "timestamp", environment.measured.timestamp);
  read_text(context, "host", environment.machine.host);
  read_text(context, "cpu_model", environment.machine.cpu_model);
  read_text(context, "cpu_signature", environment.machine.cpu_signature);
  read_count(context, "cores", environment.machine.cores);
  environment.machine.caches = context.optional_texts("caches");
  read_count(context, "mhz_per_cpu", environment.machine.mhz_per_cpu);
  environment.measured.load_avg = measurements_from_json(context, "load_avg");
  read_text(context, "isa", environment.machine.isa);
  read_text(context, "compiler", environment.machine.compiler);
  read_text(context, "compiler_flags", environment.machine.compiler_flags);
  read_text(context, "build_type", environment.machine.build_type);
  read_text(context, "build_commit", environment.machine.build_commit);
  read_flag(context, "build_dirty", environment.machine.build_dirty);
  if (const auto scaling = context.optional_text("cpu_scaling"); scaling && *scaling != "unknown") {
    environment.machine.cpu_scaling_enabled = *scaling == "enabled";
  }
  read_count(context, "threads", environment.settings.threads);
  read_count(context, "seed", environment.settings.seed);
  read_count(context, "repetitions", environment.settings.repetitions);
  read_count(context, "processes", environment.settings.processes);
  for_each_entry(context, "injected_slowdowns", [&](const FieldReader& entry) {
    environment.settings.injected_slowdowns.push_back(slowdown_from_json(entry));
  });
  read_measurement(context, "peak_gflops", environment.measured.peak_gflops);
  read_measurement(context, "peak_gbps", environment.measured.peak_gbps);
  read_text(context, "peak_isa", environment.measured.peak_isa);
  read_measurement(context, "path_peak_gflops", environment.measured.path_peak_gflops);
  read_measurement(context, "peak_gflops_spread", environment.measured.peak_gflops_spread);
  read_measurement(context, "peak_gflops_after", environment.measured.peak_gflops_after);
  read_measurement(context, "peak_gbps_spread", environment.measured.peak_gbps_spread);
  read_measurement(context, "scope_overhead_ns", environment.measured.scope_overhead_ns);
  read_measurement(context, "wall_ms", environment.measured.wall_ms);
  for_each_entry(context, "models", [&](const FieldReader& entry) {
    environment.measured.models.push_back(model_from_json(entry));
  });
  return environment;
}

}  // namespace smp::report
