// allocation-profile.txt: SmallMind's AllocationProfiler layout, with a block
// per pool mode and the analysis after both.
#include <iterator>
#include <string>

#include <fmt/format.h>

#include "report/analysis/alloc_analysis.hpp"
#include "report/formats/alloc_text.hpp"
#include "report/records/records.hpp"
#include "report/common/units.hpp"

namespace smp::report {
namespace {

using Out = std::back_insert_iterator<std::string>;

// SmallMind's KB and MB (units.hpp), so the figures compare with its reports.
std::string mb(double bytes) { return fmt::format("{:.2f} MB", bytes / kBytesPerMiB); }
std::string kb(double bytes) { return fmt::format("{:.2f} KB", bytes / kBytesPerKiB); }

// Counters are deterministic for a fixed loop, so repetitions usually agree;
// when they do not, the range is shown next to the median.
std::string count_text(const Summary& summary) {
  if (summary.min == summary.max) return fmt::format("{:.0f}", summary.median);
  return fmt::format("{:.0f} (range {:.0f}–{:.0f} over repetitions)", summary.median, summary.min, summary.max);
}

std::string bytes_range(const Summary& summary) {
  if (summary.min == summary.max) return "";
  return fmt::format(" (range {}–{} over repetitions)", mb(summary.min), mb(summary.max));
}

struct Units {
  const char* one;   // "iteration" | "step"
  const char* many;  // "Iterations" | "Steps"
};

Units units_of(const AllocWorkloadRecord& workload) {
  return workload.workload == AllocWorkload::training ? Units{"step", "Steps"} : Units{"iteration", "Iterations"};
}

void write_header(Out out, const RunContext& environment) {
  fmt::format_to(out, "=== SmallMind Allocation Profiler ===\n");
  fmt::format_to(out, "Compiler: {} ({} build)\n", environment.machine.compiler, environment.machine.build_type);
  fmt::format_to(out, "ISA path: {}\n", environment.machine.isa);
  fmt::format_to(out, "CPU: {}\n", environment.machine.cpu_model);
  fmt::format_to(out, "Cores: {}\n", environment.machine.cores);
  fmt::format_to(out, "Repetitions: {} of each measured loop; figures are medians over them\n",
                 environment.settings.repetitions);
  if (is_unoptimised_build(environment.machine)) {
    fmt::format_to(out, "⚠️  Warning: this is a {} build; its timings do not represent an optimised build.\n",
                   environment.machine.build_type.empty() ? "non-Release" : environment.machine.build_type);
  }
  fmt::format_to(out, "\n");
}

void write_workload_intro(Out out, const AllocWorkloadRecord& workload) {
  const Units units = units_of(workload);
  if (workload.workload == AllocWorkload::matmul_backward) {
    fmt::format_to(out, "--- MatMul Backward Pass Allocation Profile ---\n");
    fmt::format_to(out, "This benchmark measures allocation reduction from using a buffer pool\n");
    fmt::format_to(out, "for temporary gradient buffers in MatMul backward pass.\n\n");
    fmt::format_to(out, "Matrix dimensions: {}×{} @ {}×{} = {}×{}\n", workload.m, workload.k, workload.k,
                   workload.n, workload.m, workload.n);
    fmt::format_to(out, "{}: {}\n", units.many, workload.iterations);
  } else {
    fmt::format_to(out, "--- Training Workload Allocation Profile ---\n");
    fmt::format_to(out, "Simulates a mini training loop to measure overall allocation impact.\n\n");
    fmt::format_to(out, "{}: {}\n", units.many, workload.iterations);
    fmt::format_to(out, "Batch size: {}, Hidden size: {}\n", workload.batch, workload.hidden);
  }
  fmt::format_to(out, "Warm-up {}s before each repetition: {}\n\n", units.one, workload.warmup);
}

void write_run(Out out, const AllocWorkloadRecord& workload, const AllocRun& run) {
  const Units units = units_of(workload);
  const double iterations = workload.iterations;
  const Summary total = total_ms(run);
  const Summary per_iteration = ms_per_iteration(run, workload.iterations);
  const Summary bytes = summarise_run(run, [](const AllocSample& s) { return s.alloc_bytes; });
  const Summary count = summarise_run(run, [](const AllocSample& s) { return s.alloc_count; });
  const Summary peak = summarise_run(run, [](const AllocSample& s) { return s.peak_live_bytes; });
  const Summary minor = summarise_run(run, [](const AllocSample& s) { return s.minor_faults; });
  const Summary major = summarise_run(run, [](const AllocSample& s) { return s.major_faults; });
  const auto pool = [&run](auto field) { return count_text(summarise_run(run, field)); };
  const auto pool_bytes = [&run](auto field) { return mb(summarise_run(run, field).median); };

  fmt::format_to(out, "[Pool {}]\n", run.pool_enabled ? "on" : "off");
  fmt::format_to(out, "Total time: {:.3f}ms\n", total.median);
  fmt::format_to(out, "Avg time per {}: {:.3f}ms (median of {} repetitions; MAD {:.3f}ms, range {:.3f}–{:.3f}ms)\n",
                 units.one, per_iteration.median, run.samples.size(), per_iteration.mad, per_iteration.min,
                 per_iteration.max);
  fmt::format_to(out, "\nMemory Metrics:\n");
  fmt::format_to(out, "  Total allocations: {} ({:.0f} bytes){}\n", mb(bytes.median), bytes.median,
                 bytes_range(bytes));
  fmt::format_to(out, "  Allocations per {}: {}\n", units.one, kb(bytes.median / iterations));
  fmt::format_to(out, "  Allocation count: {} ({:.2f} per {})\n", count_text(count), count.median / iterations,
                 units.one);
  fmt::format_to(out, "  Peak live heap above loop start: {}\n", kb(peak.median));
  fmt::format_to(out, "  Minor page faults (in place of .NET's Gen0/Gen1/Gen2 collections; C++ has no GC): {}\n",
                 count_text(minor));
  fmt::format_to(out, "  Major page faults (faults that read from disk): {}\n", count_text(major));
  if (workload.workload == AllocWorkload::training) {
    fmt::format_to(out, "  Throughput: {:.0f} samples/sec\n",
                   samples_per_second(run, workload.iterations, workload.batch));
  }
  fmt::format_to(out, "  Buffer pool: {} rents, {} returns, {} hits, {} misses; {} served from the pool, {} freshly allocated\n",
                 pool([](const AllocSample& s) { return s.pool.rents; }),
                 pool([](const AllocSample& s) { return s.pool.returns; }),
                 pool([](const AllocSample& s) { return s.pool.hits; }),
                 pool([](const AllocSample& s) { return s.pool.misses; }),
                 pool_bytes([](const AllocSample& s) { return s.pool.bytes_from_pool; }),
                 pool_bytes([](const AllocSample& s) { return s.pool.bytes_allocated; }));
  fmt::format_to(out, "\n");
}

std::string percent_or(const std::optional<double>& percent, const char* missing) {
  return percent ? fmt::format("{:.1f}%", *percent) : std::string(missing);
}

void write_analysis(Out out, const AllocWorkloadRecord& workload) {
  const Units units = units_of(workload);
  const AllocAnalysis analysis = analyse_allocations(workload);
  const double iterations = workload.iterations;
  fmt::format_to(out, "Analysis:\n");
  if (workload.workload == AllocWorkload::matmul_backward) {
    fmt::format_to(out, "  Expected allocations WITHOUT pooling: {}\n", mb(double(analysis.expected_total_bytes)));
  } else {
    fmt::format_to(out, "  Expected WITHOUT pooling: {}\n", mb(double(analysis.expected_total_bytes)));
  }
  fmt::format_to(out, "  Expected per {}: {}\n", units.one, kb(double(analysis.expected_bytes_per_iteration)));
  if (analysis.pool_off_bytes) {
    fmt::format_to(out, "  Measured WITHOUT pooling: {} ({} per {})\n", mb(*analysis.pool_off_bytes),
                   kb(*analysis.pool_off_bytes / iterations), units.one);
  } else {
    fmt::format_to(out, "  Measured WITHOUT pooling: not run\n");
  }
  fmt::format_to(out, "  Reduction, measured (pool on vs the pool-off run): {}\n",
                 percent_or(analysis.measured_reduction_percent, "n/a (needs both pool modes)"));
  fmt::format_to(out, "  Estimated reduction (SmallMind's formula: pool on vs expected WITHOUT pooling): {}\n",
                 percent_or(analysis.formula_reduction_percent, "n/a (needs a pool-on run)"));
  if (!analysis.verdict) {
    fmt::format_to(out, "  No verdict: the pool-on run was not requested\n");
  } else {
    const char* basis = analysis.verdict_from_measured ? "the measured reduction" : "SmallMind's formula";
    switch (*analysis.verdict) {
      case AllocVerdict::excellent:
        fmt::format_to(out, "  ✓ Excellent reduction - the buffer pool is working effectively! (from {})\n", basis);
        break;
      case AllocVerdict::good:
        fmt::format_to(out, "  ✓ Good reduction - the buffer pool is helping (from {})\n", basis);
        break;
      case AllocVerdict::lower_than_expected:
        fmt::format_to(out, "  ⚠️  Lower than expected reduction (from {})\n", basis);
        break;
    }
  }
  fmt::format_to(out, "\n");
}

}  // namespace

std::string alloc_to_text(const AllocationRecord& record) {
  std::string text;
  const Out out(text);
  write_header(out, record.context);
  for (const AllocWorkloadRecord& workload : record.workloads) {
    write_workload_intro(out, workload);
    for (const AllocRun& run : workload.runs) write_run(out, workload, run);
    write_analysis(out, workload);
  }
  fmt::format_to(out, "\n=== Profiling Complete ===\n");
  return text;
}

}  // namespace smp::report
