#include "report/measure/environment.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <type_traits>
#include <optional>
#include <string_view>
#include <utility>

#include "kernels/isa.hpp"
#include "report/measure/build_commit.hpp"
#include "report/common/timestamp.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;

std::string read_first_line(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// The value of the first /proc/cpuinfo line whose key is `key` (CPU 0's);
// the whole key must match ("model" is not "model name").
std::string cpuinfo_value(std::string_view key) {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const auto key_end = line.find_last_not_of(" \t", colon == 0 ? 0 : colon - 1);
    if (key_end == std::string::npos || std::string_view(line).substr(0, key_end + 1) != key) continue;
    const auto value = line.find_first_not_of(' ', colon + 1);
    return value == std::string::npos ? std::string() : line.substr(value);
  }
  return {};
}

std::string cpu_model() {
  const std::string model = cpuinfo_value("model name");
  return model.empty() ? "unknown" : model;
}

// A virtual machine often names every host CPU alike ("Intel(R) Xeon(R)
// Processor", "AMD EPYC"); the family, model and stepping tell the hosts
// apart. Empty where /proc/cpuinfo has no such fields.
std::string cpu_signature() {
  const std::string family = cpuinfo_value("cpu family");
  const std::string model = cpuinfo_value("model");
  const std::string stepping = cpuinfo_value("stepping");
  if (family.empty() || model.empty() || stepping.empty()) return {};
  return "family " + family + " model " + model + " stepping " + stepping;
}

int cpu_mhz() {
  const std::string mhz = cpuinfo_value("cpu MHz");
  try {
    return mhz.empty() ? 0 : static_cast<int>(std::stod(mhz) + 0.5);
  } catch (const std::exception&) {
    return 0;
  }
}

// As Google Benchmark decides it: any governor but "performance" scales the
// frequency; no cpufreq directory (many VMs) leaves it unknown.
std::optional<bool> cpu_scaling_enabled() {
  const std::string governor = read_first_line("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor");
  if (governor.empty()) return std::nullopt;
  return governor != "performance";
}

std::vector<double> load_averages() {
  double loads[3] = {};
  const int count = getloadavg(loads, 3);
  return count > 0 ? std::vector<double>(loads, loads + count) : std::vector<double>{};
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

RunContext collect_context(const RunSettings& settings) {
  RunContext context;
  context.machine = {.tool_version = SMP_VERSION,
                     .host = host_name(),
                     .cpu_model = cpu_model(),
                     .cpu_signature = cpu_signature(),
                     .cores = static_cast<int>(std::thread::hardware_concurrency()),
                     .caches = cpu_caches(),
                     .mhz_per_cpu = cpu_mhz(),
                     .cpu_scaling_enabled = cpu_scaling_enabled(),
                     .isa = std::string(kernels::isa_name(kernels::active_isa())),
                     .compiler = SMP_COMPILER,
                     .compiler_flags = SMP_CXX_FLAGS,
                     .build_type = SMP_BUILD_TYPE,
                     .build_commit = std::string(build_commit().id),
                     .build_dirty = build_commit().dirty};
  context.settings = settings;
  context.measured.timestamp = iso_timestamp_now();
  context.measured.load_avg = load_averages();
  return context;
}

}  // namespace smp::report
