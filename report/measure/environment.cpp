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
#include "report/measure/cpuinfo.hpp"
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

// CPU 0's block of /proc/cpuinfo: the lines up to the first blank one (a
// many-core machine's whole file runs to hundreds of KiB).
CpuIdentity read_cpu_identity() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string text;
  for (std::string line; std::getline(cpuinfo, line) && !line.empty();) text += line + '\n';
  return parse_cpuinfo(text);
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
  const CpuIdentity cpu = read_cpu_identity();
  context.machine = {.tool_version = SMP_VERSION,
                     .host = host_name(),
                     .cpu_model = cpu.model,
                     .cpu_signature = cpu.signature,
                     .cores = static_cast<int>(std::thread::hardware_concurrency()),
                     .caches = cpu_caches(),
                     .mhz_per_cpu = cpu.mhz,
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
