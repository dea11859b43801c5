#pragma once
// Plain result records: what measuring produces and what parsers return.
// No I/O here; writers and parsers are free functions over these types.
#include <cstdint>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace smp::report {

// Where a record came from (parsers tell; writers of our own reports set ours).
enum class ReportFormat {
  smallmind_enhanced,   // SmallMind CodeProfiler --enhanced markdown (also our markdown)
  smallmind_standard,   // SmallMind's older standard/deep markdown
  smallmind_prof_json,  // our versioned JSON, with raw samples
};

struct ScopeRecord {
  std::string name;
  // The scopes it is nested in, in first-seen order: several when one name
  // runs under different parents (merged by name); empty at the top level.
  std::vector<std::string> parents;
  std::int64_t calls = 0;        // per repetition of the suite
  // The figures as a markdown report printed them: the only ones a report
  // without raw samples has. Records with samples derive them instead.
  double printed_time_ms = 0.0;
  double printed_avg_ms = 0.0;
  double printed_alloc_mb = 0.0;
  // Only in our own measurements (empty or zero when parsed from markdown):
  std::vector<double> inclusive_ms;  // one sample per repetition
  std::vector<double> self_ms;       // inclusive minus children, overhead-corrected
  // The process each sample came from (0-based), parallel to the samples;
  // empty when they all came from one process (schema 1 reports).
  std::vector<std::uint32_t> sample_process;
  double min_call_ms = 0.0;
  double max_call_ms = 0.0;
  std::uint64_t alloc_bytes = 0;     // per repetition
  std::uint64_t alloc_count = 0;
  std::uint64_t free_count = 0;
  double flops_per_call = 0.0;       // 0 when the scope is not a kernel
  double bytes_per_call = 0.0;       // memory traffic per call (roofline)

  bool has_samples() const { return !inclusive_ms.empty(); }
  bool is_top_level() const { return parents.empty(); }
  // How many processes the samples came from (1 without tags).
  std::size_t process_count() const;
  // Each process's inclusive times in repetition order, in process order.
  std::vector<std::vector<double>> process_samples_ms() const;
  // The median inclusive time of each process, in process order: the values
  // the gate compares, since processes (not repetitions) are what varies.
  std::vector<double> process_medians_ms() const;
  // The figures SmallMind's tables show, per repetition of the suite:
  double time_ms() const;   // inclusive time, the median over repetitions
  double avg_ms() const;    // per call
  double alloc_mb() const;  // heap MiB allocated inside the scope, inclusive
};

struct ModelInfo {
  std::string name;
  int vocab = 0, block = 0, d_model = 0, layers = 0, heads = 0;
  std::int64_t parameters = 0;
  int tensors = 0;
};

// The machine and build a measurement was taken on.
struct MachineInfo {
  std::string tool_version;
  std::string host;
  std::string cpu_model;
  std::string cpu_signature;  // e.g. "family 6 model 207 stepping 2"; empty when unknown
  int cores = 0;
  std::vector<std::string> caches;  // e.g. "L1d 48K", as the kernel names them
  int mhz_per_cpu = 0;              // the kernel's "cpu MHz" of CPU 0; 0 when unknown
  std::optional<bool> cpu_scaling_enabled;  // a frequency governor other than "performance"; empty when none is exposed
  std::string isa;                  // kernel path in use
  std::string compiler;
  std::string compiler_flags;
  std::string build_type;
  std::string build_commit = "unknown";  // the source commit, "unknown" outside a git checkout
  std::optional<bool> build_dirty;       // tracked sources differed from it; empty when unknown
};

// "commit <hash>" with "(dirty)" when the sources differed from it, as
// reports print the build.
inline std::string build_commit_text(const MachineInfo& machine) {
  std::string text = "commit " + machine.build_commit;
  if (machine.build_dirty.value_or(false)) text += " (dirty)";
  return text;
}

// A slowdown injected into a scope's work to prove the gate (never a real run).
struct InjectedSlowdown {
  std::string scope;
  double percent = 0.0;
};

// What the user chose for the run.
struct RunSettings {
  int threads = 1;
  std::uint64_t seed = 0;
  int repetitions = 0;  // per process
  int processes = 1;    // separate processes the repetitions were spread over
  std::vector<InjectedSlowdown> injected_slowdowns;
};

// What the run found out besides its scopes.
struct RunMeasurements {
  std::string timestamp;            // ISO-8601 local time with offset, when the run started
  std::vector<ModelInfo> models;
  double peak_gflops = 0.0;         // machine peak: FMA throughput on the widest path, 0 when skipped
  double peak_gbps = 0.0;           // measured memory bandwidth, 0 when skipped
  std::string peak_isa;             // the path peak_gflops was measured on; empty in older reports
  double path_peak_gflops = 0.0;    // FMA throughput on the kernel path in use; 0 when not measured
  double peak_gflops_spread = 0.0;  // (best − median) / best over the calibration trials
  // The machine peak calibrated again once the scopes were measured; 0 when
  // not measured. The core's clock moves with the host's load, so the two
  // bound how far the run's own clock may have stood from peak_gflops.
  double peak_gflops_after = 0.0;
  double peak_gbps_spread = 0.0;
  double scope_overhead_ns = 0.0;
  std::vector<double> load_avg;     // 1, 5 and 15 minute load averages when the run started
  double wall_ms = 0.0;             // wall time of the measured repetitions
};

// The context block every report carries, so a comparison can tell whether
// two runs are alike.
struct RunContext {
  MachineInfo machine;
  RunSettings settings;
  RunMeasurements measured;
};

// True when the build is not an optimised Release build: reports warn loudly.
inline bool is_unoptimised_build(const MachineInfo& machine) {
  return machine.build_type != "Release" && machine.build_type != "RelWithDebInfo";
}

struct ProfileRecord {
  ReportFormat format = ReportFormat::smallmind_enhanced;
  std::filesystem::path source;  // the file it was read from, for messages; empty when built in memory
  // Our runs: ISO 8601 local time with its UTC offset. Parsed markdown and
  // JSON before schema 3: "yyyy-MM-dd HH:mm:ss" local time, as SmallMind prints it.
  std::string generated;
  std::vector<ScopeRecord> scopes;   // in the report's row order
  std::optional<RunContext> context;  // only from our own runs / JSON
};

}  // namespace smp::report
