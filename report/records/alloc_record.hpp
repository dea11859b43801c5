#pragma once
// The allocation profiler's results (SmallMind's AllocationProfiler, measured):
// per workload and pool mode, one sample per repetition of the measured loop.
// Plain data; the analysis, writers and reader are free functions over it.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "model/training/pool_counters.hpp"
#include "report/records/records.hpp"

namespace smp::report {

// One repetition's measured loop; the warm-up before it is not included.
struct AllocSample {
  std::int64_t total_ns = 0;         // wall time of the whole measured loop
  std::uint64_t alloc_bytes = 0;     // heap bytes requested during the loop (this thread)
  std::uint64_t alloc_count = 0;     // operator new calls during the loop
  std::int64_t peak_live_bytes = 0;  // highest live heap during the loop, above its level at the start
  std::int64_t minor_faults = 0;     // getrusage page faults during the loop (this thread)
  std::int64_t major_faults = 0;
  model::PoolCounters pool;          // the buffer pool's counters over the loop
};

struct AllocRun {
  bool pool_enabled = true;
  std::vector<AllocSample> samples;  // one per repetition
};

enum class AllocWorkload { matmul_backward, training };

// The workload's name in JSON.
inline std::string_view alloc_workload_key(AllocWorkload workload) {
  return workload == AllocWorkload::matmul_backward ? "matmul_backward" : "training";
}
inline std::optional<AllocWorkload> parse_alloc_workload_key(std::string_view key) {
  if (key == "matmul_backward") return AllocWorkload::matmul_backward;
  if (key == "training") return AllocWorkload::training;
  return std::nullopt;
}

struct AllocWorkloadRecord {
  AllocWorkload workload = AllocWorkload::matmul_backward;
  int m = 0, k = 0, n = 0;     // MatMul backward: A[m,k] · B[k,n]
  int batch = 0, hidden = 0;   // training: w1[batch,hidden] w2[hidden,hidden] w3[hidden,batch]
  int warmup = 0;              // iterations (training: steps) before each measured loop
  int iterations = 0;          // measured iterations (training: steps) per repetition
  std::vector<AllocRun> runs;  // pool on and/or off, in the order they ran
};

struct AllocationRecord {
  RunContext context;
  std::vector<AllocWorkloadRecord> workloads;
};

}  // namespace smp::report
