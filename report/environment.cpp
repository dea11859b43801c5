#include "environment.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>

#include "kernels/isa.hpp"
#include "timestamp.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;

std::string read_first_line(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string cpu_model() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.starts_with("model name")) {
      const auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
  }
  return "unknown";
}

// Cache levels as the kernel reports them, e.g. "L1d 48K", "L2 1024K".
std::vector<std::string> cpu_caches() {
  std::vector<std::string> caches;
  const fs::path base = "/sys/devices/system/cpu/cpu0/cache";
  std::error_code ec;
  for (int index = 0; fs::exists(base / ("index" + std::to_string(index)), ec); ++index) {
    const fs::path dir = base / ("index" + std::to_string(index));
    const std::string type = read_first_line(dir / "type");
    const std::string level = read_first_line(dir / "level");
    const std::string size = read_first_line(dir / "size");
    if (type == "Instruction") continue;
    caches.push_back("L" + level + (type == "Data" ? "d" : "") + " " + size);
  }
  return caches;
}

std::string host_name() {
  char buffer[256] = {};
  if (gethostname(buffer, sizeof buffer - 1) != 0) return "unknown";
  return buffer;
}

}  // namespace

Environment collect_environment(const RunSettings& settings) {
  Environment environment;
  environment.tool_version = SMP_VERSION;
  environment.timestamp = iso_timestamp_now();
  environment.host = host_name();
  environment.cpu_model = cpu_model();
  environment.cores = static_cast<int>(std::thread::hardware_concurrency());
  environment.caches = cpu_caches();
  environment.isa = std::string(kernels::isa_name(kernels::active_isa()));
  environment.compiler = SMP_COMPILER;
  environment.compiler_flags = SMP_CXX_FLAGS;
  environment.build_type = SMP_BUILD_TYPE;
  environment.threads = settings.threads;
  environment.seed = settings.seed;
  environment.repetitions = settings.repetitions;
  return environment;
}

bool is_unoptimised_build(const Environment& environment) {
  return environment.build_type != "Release" && environment.build_type != "RelWithDebInfo";
}

nlohmann::json environment_to_json(const Environment& environment) {
  nlohmann::json models = nlohmann::json::array();
  for (const ModelInfo& model : environment.models) {
    models.push_back({{"name", model.name},
                      {"vocab", model.vocab},
                      {"block", model.block},
                      {"d_model", model.d_model},
                      {"layers", model.layers},
                      {"heads", model.heads},
                      {"parameters", model.parameters},
                      {"tensors", model.tensors}});
  }
  return {{"tool_version", environment.tool_version},
          {"timestamp", environment.timestamp},
          {"host", environment.host},
          {"cpu_model", environment.cpu_model},
          {"cores", environment.cores},
          {"caches", environment.caches},
          {"isa", environment.isa},
          {"compiler", environment.compiler},
          {"compiler_flags", environment.compiler_flags},
          {"build_type", environment.build_type},
          {"threads", environment.threads},
          {"seed", environment.seed},
          {"repetitions", environment.repetitions},
          {"models", models},
          {"peak_gflops", environment.peak_gflops},
          {"peak_gbps", environment.peak_gbps},
          {"scope_overhead_ns", environment.scope_overhead_ns},
          {"wall_ms", environment.wall_ms}};
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

Environment environment_from_json(const nlohmann::json& context) {
  Environment environment;
  const auto read = [&context](const char* key, auto& field) {
    if (context.contains(key) && !context[key].is_null()) read_checked(context[key], field);
  };
  read("tool_version", environment.tool_version);
  read("timestamp", environment.timestamp);
  read("host", environment.host);
  read("cpu_model", environment.cpu_model);
  read("cores", environment.cores);
  read("caches", environment.caches);
  read("isa", environment.isa);
  read("compiler", environment.compiler);
  read("compiler_flags", environment.compiler_flags);
  read("build_type", environment.build_type);
  read("threads", environment.threads);
  read("seed", environment.seed);
  read("repetitions", environment.repetitions);
  read("peak_gflops", environment.peak_gflops);
  read("peak_gbps", environment.peak_gbps);
  read("scope_overhead_ns", environment.scope_overhead_ns);
  read("wall_ms", environment.wall_ms);
  if (context.contains("models") && context["models"].is_array()) {
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
      environment.models.push_back(model);
    }
  }
  return environment;
}

}  // namespace smp::report
