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

// The value of the first /proc/cpuinfo line starting with `key` (CPU 0's).
std::string cpuinfo_value(std::string_view key) {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.starts_with(key)) {
      const auto colon = line.find(':');
      if (colon != std::string::npos && colon + 1 < line.size()) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
  }
  return {};
}

std::string cpu_model() {
  const std::string model = cpuinfo_value("model name");
  return model.empty() ? "unknown" : model;
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
