#pragma once
// Synthetic records for the run tests: profiles with samples, an
// environment with measured peaks and the two models, and allocation runs.
#include <string>
#include <vector>

#include "report/records/alloc_record.hpp"
#include "report/records/records.hpp"
#include "report/records/stats.hpp"

namespace smp::test {

// A scope whose time is the median of `samples` (per repetition).
inline report::ScopeRecord sampled_scope(std::string name, std::vector<double> samples, double flops = 0.0,
                                         double bytes = 0.0, double alloc_mb = 0.0) {
  report::ScopeRecord scope;
  scope.name = std::move(name);
  scope.inclusive_ms = samples;
  scope.self_ms = samples;
  scope.calls = 1;
  scope.flops_per_call = flops;
  scope.bytes_per_call = bytes;
  scope.alloc_bytes = static_cast<std::uint64_t>(alloc_mb * 1024.0 * 1024.0);
  return scope;
}

inline report::RunContext peak_environment(double peak_gflops, double peak_gbps) {
  report::RunContext environment;
  environment.machine.build_type = "Release";
  environment.measured.peak_gflops = peak_gflops;
  environment.measured.peak_gbps = peak_gbps;
  environment.settings.repetitions = 3;
  environment.measured.models = {{"Small", 512, 128, 128, 2, 4, 470528, 0}, {"Medium", 512, 256, 256, 4, 8, 3454464, 0}};
  return environment;
}

inline report::ProfileRecord sampled_profile(std::vector<report::ScopeRecord> scopes,
                                             report::RunContext environment = peak_environment(100.0, 20.0)) {
  report::ProfileRecord profile;
  profile.format = report::ReportFormat::smallmind_prof_json;
  profile.generated = "2026-02-05 10:00:00";
  profile.scopes = std::move(scopes);
  profile.context = std::move(environment);
  return profile;
}

// A MatMul backward workload, pool on and off, with fixed bytes per repetition.
inline report::AllocationRecord alloc_record(std::uint64_t pool_on_bytes, std::uint64_t pool_off_bytes) {
  report::AllocWorkloadRecord workload;
  workload.workload = report::AllocWorkload::matmul_backward;
  workload.m = 128, workload.k = 256, workload.n = 128;
  workload.iterations = 100;
  report::AllocSample on;
  on.total_ns = 40'000'000;
  on.alloc_bytes = pool_on_bytes;
  report::AllocSample off = on;
  off.alloc_bytes = pool_off_bytes;
  workload.runs = {{true, {on, on, on}}, {false, {off, off, off}}};
  report::AllocationRecord record;
  record.workloads = {workload};
  return record;
}

}  // namespace smp::test
