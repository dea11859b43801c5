#pragma once
// The figures the allocation report derives from a record: summaries over
// repetitions, SmallMind's expected-without-pooling estimate, the reductions
// and the verdict. Pure functions, so they are tested on made-up records.
#include <cstdint>
#include <optional>
#include <vector>

#include "report/records/alloc_record.hpp"
#include "report/records/stats.hpp"

namespace smp::report {

// SmallMind's thresholds: a reduction above 80 % is excellent, above 50 % good.
enum class AllocVerdict { excellent, good, lower_than_expected };
AllocVerdict alloc_verdict(double reduction_percent);

// SmallMind's estimate of the bytes one iteration (step) allocates without
// pooling: (m·k + k·n)·4 for the MatMul backward (its two gradient buffers),
// 4·(b·h + h·h + h·b)·4 for the training step (its "4 temp buffers per step",
// each counted at the size of all three weights together).
std::uint64_t smallmind_expected_bytes_per_iteration(const AllocWorkloadRecord& workload);

// The run in the given pool mode, or nullptr when it was not run.
const AllocRun* find_run(const AllocWorkloadRecord& workload, bool pool_enabled);

// Median and spread over a run's repetitions of one figure of the samples.
template <class Field>
Summary summarise_run(const AllocRun& run, Field field) {
  std::vector<double> values;
  values.reserve(run.samples.size());
  for (const AllocSample& sample : run.samples) values.push_back(static_cast<double>(field(sample)));
  return summarise(values);
}

Summary total_ms(const AllocRun& run);
Summary ms_per_iteration(const AllocRun& run, int iterations);
// Training throughput: iterations · batch over the median total time.
double samples_per_second(const AllocRun& run, int iterations, int batch);

struct AllocAnalysis {
  std::uint64_t expected_bytes_per_iteration = 0;  // SmallMind's formula
  std::uint64_t expected_total_bytes = 0;          // the above × measured iterations
  std::optional<double> pool_on_bytes;             // median bytes over the measured loop
  std::optional<double> pool_off_bytes;
  // (pool off − pool on) / pool off: what pooling saved, both sides measured.
  std::optional<double> measured_reduction_percent;
  // (expected − pool on) / expected: SmallMind's "Estimated reduction".
  std::optional<double> formula_reduction_percent;
  // From the measured reduction when both modes ran, else from the formula.
  std::optional<AllocVerdict> verdict;
  bool verdict_from_measured = false;
};

AllocAnalysis analyse_allocations(const AllocWorkloadRecord& workload);

}  // namespace smp::report
