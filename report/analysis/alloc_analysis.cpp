#include "report/analysis/alloc_analysis.hpp"
#include "report/common/units.hpp"

#include <algorithm>

namespace smp::report {
namespace {

constexpr double kExcellentPercent = 80.0;
constexpr double kGoodPercent = 50.0;
constexpr std::uint64_t kFloatBytes = sizeof(float);

double reduction_percent(double baseline, double pooled) { return (baseline - pooled) / baseline * 100.0; }

}  // namespace

AllocVerdict alloc_verdict(double reduction_percent) {
  if (reduction_percent > kExcellentPercent) return AllocVerdict::excellent;
  if (reduction_percent > kGoodPercent) return AllocVerdict::good;
  return AllocVerdict::lower_than_expected;
}

std::uint64_t smallmind_expected_bytes_per_iteration(const AllocWorkloadRecord& workload) {
  const auto u = [](int value) { return static_cast<std::uint64_t>(value); };
  switch (workload.workload) {
    case AllocWorkload::matmul_backward:
      return (u(workload.m) * u(workload.k) + u(workload.k) * u(workload.n)) * kFloatBytes;
    case AllocWorkload::training: {
      const std::uint64_t b = u(workload.batch), h = u(workload.hidden);
      constexpr std::uint64_t kTempBuffersPerStep = 4;
      return kTempBuffersPerStep * (b * h + h * h + h * b) * kFloatBytes;
    }
  }
  return 0;
}

const AllocRun* find_run(const AllocWorkloadRecord& workload, bool pool_enabled) {
  for (const AllocRun& run : workload.runs) {
    if (run.pool_enabled == pool_enabled) return &run;
  }
  return nullptr;
}

Summary total_ms(const AllocRun& run) {
  return summarise_run(run, [](const AllocSample& s) { return static_cast<double>(s.total_ns) / kNsPerMs; });
}

Summary ms_per_iteration(const AllocRun& run, int iterations) {
  const double count = std::max(iterations, 1);  // a record without iterations reads as one
  return summarise_run(run, [count](const AllocSample& s) { return static_cast<double>(s.total_ns) / kNsPerMs / count; });
}

double samples_per_second(const AllocRun& run, int iterations, int batch) {
  const double seconds = total_ms(run).median * kNsPerMs / kNsPerSecond;
  return seconds > 0.0 ? static_cast<double>(iterations) * batch / seconds : 0.0;
}

AllocAnalysis analyse_allocations(const AllocWorkloadRecord& workload) {
  AllocAnalysis analysis;
  analysis.expected_bytes_per_iteration = smallmind_expected_bytes_per_iteration(workload);
  analysis.expected_total_bytes =
      analysis.expected_bytes_per_iteration * static_cast<std::uint64_t>(std::max(workload.iterations, 0));
  const auto median_bytes = [](const AllocRun& run) {
    return summarise_run(run, [](const AllocSample& s) { return s.alloc_bytes; }).median;
  };
  if (const AllocRun* on = find_run(workload, true); on && !on->samples.empty()) {
    analysis.pool_on_bytes = median_bytes(*on);
  }
  if (const AllocRun* off = find_run(workload, false); off && !off->samples.empty()) {
    analysis.pool_off_bytes = median_bytes(*off);
  }
  if (analysis.pool_on_bytes && analysis.pool_off_bytes && *analysis.pool_off_bytes > 0.0) {
    analysis.measured_reduction_percent = reduction_percent(*analysis.pool_off_bytes, *analysis.pool_on_bytes);
  }
  if (analysis.pool_on_bytes && analysis.expected_total_bytes > 0) {
    analysis.formula_reduction_percent =
        reduction_percent(static_cast<double>(analysis.expected_total_bytes), *analysis.pool_on_bytes);
  }
  if (analysis.measured_reduction_percent) {
    analysis.verdict = alloc_verdict(*analysis.measured_reduction_percent);
    analysis.verdict_from_measured = true;
  } else if (analysis.formula_reduction_percent) {
    analysis.verdict = alloc_verdict(*analysis.formula_reduction_percent);
  }
  return analysis;
}

}  // namespace smp::report
