#pragma once
// SmallMind's AllocationProfiler workloads, measured. Every repetition builds
// its workload and pool afresh, runs the warm-up, then measures one loop:
// time around the loop only, and this thread's heap traffic, peak live heap,
// page faults and pool counters over it.
#include <cstdint>
#include <vector>

#include "report/records/alloc_record.hpp"
#include "report/common/workload.hpp"

namespace smp::app {

// SmallMind's fixed shapes, warm-ups and seed.
inline constexpr int kMatmulM = 128, kMatmulK = 256, kMatmulN = 128;
inline constexpr int kMatmulWarmup = 10;
inline constexpr int kTrainingBatch = 32, kTrainingHidden = 256;
inline constexpr int kTrainingWarmup = 5;

// MatMul backward: C = A·B, backward from dC = 1 into pooled gradients, zero-grad.
report::AllocSample measure_matmul_backward(bool pool_enabled, int warmup, int iterations);
// The mini training loop (model/training_step.hpp), one step per iteration.
report::AllocSample measure_training(bool pool_enabled, int warmup, int steps);

struct AllocWorkloadSettings {
  int iterations = 100;  // MatMul backward, per repetition
  int steps = 50;        // training, per repetition
  int repetitions = 5;
  bool pool_on = true;
  bool pool_off = true;
};

// Both workloads in the requested pool modes. The modes alternate within each
// repetition, so drift on a shared machine touches both alike. Logs a
// progress line per workload.
std::vector<report::AllocWorkloadRecord> run_alloc_workloads(const AllocWorkloadSettings& settings);

}  // namespace smp::app
