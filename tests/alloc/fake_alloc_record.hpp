#pragma once
// Made-up allocation records, so analysis and writers are tested without
// running anything. Figures are chosen to be easy to check by hand.
#include <cstdint>
#include <vector>

#include "report/records/alloc_record.hpp"

namespace smp::test {

// A run whose repetitions allocate `bytes` each and take total_ns[i].
inline report::AllocRun fake_run(bool pool_enabled, std::uint64_t bytes, std::vector<std::int64_t> total_ns) {
  report::AllocRun run{.pool_enabled = pool_enabled, .samples = {}};
  for (std::int64_t ns : total_ns) {
    report::AllocSample sample;
    sample.total_ns = ns;
    sample.alloc_bytes = bytes;
    sample.alloc_count = bytes / 1024;
    sample.peak_live_bytes = std::int64_t(bytes / 4);
    sample.minor_faults = 7;
    sample.major_faults = 0;
    sample.pool = {.rents = 200, .returns = 200, .hits = pool_enabled ? 200u : 0u,
                   .misses = pool_enabled ? 0u : 200u, .bytes_from_pool = pool_enabled ? 1000u : 0u,
                   .bytes_allocated = pool_enabled ? 0u : bytes};
    run.samples.push_back(sample);
  }
  return run;
}

// SmallMind's MatMul workload shape, 100 iterations.
inline report::AllocWorkloadRecord fake_matmul(std::uint64_t pool_on_bytes, std::uint64_t pool_off_bytes) {
  report::AllocWorkloadRecord workload{.workload = report::AllocWorkload::matmul_backward,
                                       .m = 128, .k = 256, .n = 128, .warmup = 10, .iterations = 100, .runs = {}};
  workload.runs.push_back(fake_run(true, pool_on_bytes, {10'000'000, 12'000'000, 11'000'000}));
  workload.runs.push_back(fake_run(false, pool_off_bytes, {20'000'000, 22'000'000, 21'000'000}));
  return workload;
}

// SmallMind's training workload shape, 50 steps.
inline report::AllocWorkloadRecord fake_training(std::uint64_t pool_on_bytes, std::uint64_t pool_off_bytes) {
  report::AllocWorkloadRecord workload{.workload = report::AllocWorkload::training,
                                       .batch = 32, .hidden = 256, .warmup = 5, .iterations = 50, .runs = {}};
  workload.runs.push_back(fake_run(true, pool_on_bytes, {40'000'000, 40'000'000, 40'000'000}));
  workload.runs.push_back(fake_run(false, pool_off_bytes, {50'000'000, 50'000'000, 50'000'000}));
  return workload;
}

inline report::AllocationRecord fake_record() {
  report::AllocationRecord record;
  record.context.machine.compiler = "GNU 12.2.0";
  record.context.machine.build_type = "Release";
  record.context.machine.isa = "avx2+fma";
  record.context.machine.cpu_model = "Test CPU";
  record.context.machine.cores = 2;
  record.context.settings.repetitions = 3;
  record.workloads = {fake_matmul(0, 26'214'400), fake_training(0, 18'022'400)};
  return record;
}

}  // namespace smp::test
