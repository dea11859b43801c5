#include "app/workloads/alloc_workloads.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string_view>

#include <spdlog/spdlog.h>

#include "kernels/kernels.hpp"
#include "model/training/buffer_pool.hpp"
#include "model/training/matmul_backward.hpp"
#include "model/training/training_step.hpp"
#include "model/training/uniform_fill.hpp"
#include "report/analysis/alloc_analysis.hpp"
#include "report/measure/alloc_counters.hpp"
#include "report/measure/page_faults.hpp"

namespace smp::app {
namespace {

using Clock = std::chrono::steady_clock;

// Warm-up, then the measured loop; `iteration` must do one iteration's work.
template <class Iteration>
report::AllocSample measure_loop(model::BufferPool& pool, int warmup, int iterations, Iteration iteration) {
  for (int i = 0; i < warmup; ++i) iteration();
  pool.reset_counters();

  const report::PageFaults faults_before = report::thread_page_faults();
  const report::AllocCounters heap_before = report::alloc_counters();
  report::reset_peak_live_bytes();
  const Clock::time_point start = Clock::now();
  for (int i = 0; i < iterations; ++i) iteration();
  const Clock::time_point stop = Clock::now();
  const report::AllocCounters heap_after = report::alloc_counters();
  const report::PageFaults faults_after = report::thread_page_faults();

  report::AllocSample sample;
  sample.total_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(stop - start).count();
  sample.alloc_bytes = heap_after.bytes - heap_before.bytes;
  sample.alloc_count = heap_after.allocations - heap_before.allocations;
  sample.peak_live_bytes = heap_after.peak_live_bytes - heap_before.live_bytes;
  sample.minor_faults = faults_after.minor - faults_before.minor;
  sample.major_faults = faults_after.major - faults_before.major;
  sample.pool = pool.counters();
  return sample;
}

report::AllocWorkloadRecord run_workload(report::AllocWorkloadRecord workload, const AllocWorkloadSettings& settings,
                                         const std::function<report::AllocSample(bool)>& measure) {
  if (settings.pool_on) workload.runs.push_back({.pool_enabled = true, .samples = {}});
  if (settings.pool_off) workload.runs.push_back({.pool_enabled = false, .samples = {}});
  for (int repetition = 0; repetition < settings.repetitions; ++repetition) {
    for (report::AllocRun& run : workload.runs) {
      spdlog::debug("alloc: repetition {}/{}, pool {}", repetition + 1, settings.repetitions,
                    run.pool_enabled ? "on" : "off");
      run.samples.push_back(measure(run.pool_enabled));
    }
  }
  return workload;
}

void log_result(std::string_view name, std::string_view unit, const report::AllocWorkloadRecord& workload) {
  for (const report::AllocRun& run : workload.runs) {
    const double bytes = report::summarise_run(run, [](const report::AllocSample& s) { return s.alloc_bytes; }).median;
    spdlog::info("alloc: {} pool {}: {:.3f} ms per {}, {:.0f} heap bytes per {}", name, run.pool_enabled ? "on " : "off",
                 report::ms_per_iteration(run, workload.iterations).median, unit, bytes / workload.iterations, unit);
  }
}

}  // namespace

report::AllocSample measure_matmul_backward(bool pool_enabled, int warmup, int iterations) {
  constexpr int m = kMatmulM, k = kMatmulK, n = kMatmulN;
  std::vector<float> a(std::size_t(m) * k), b(std::size_t(k) * n), c(std::size_t(m) * n);
  const std::vector<float> dc(c.size(), 1.0f);  // SmallMind's result.Backward() seeds dC with ones
  model::Rng rng(kDefaultSeed);
  model::fill_uniform(rng, a);
  model::fill_uniform(rng, b);
  model::BufferPool pool(pool_enabled);
  return measure_loop(pool, warmup, iterations, [&] {
    kernels::matmul(c.data(), a.data(), b.data(), nullptr, m, k, n);
    model::MatmulGradients gradients = model::matmul_backward(pool, dc.data(), a.data(), b.data(), m, k, n);
    gradients.zero_grad();
  });
}

report::AllocSample measure_training(bool pool_enabled, int warmup, int steps) {
  model::BufferPool pool(pool_enabled);
  model::TrainingStep step(pool, {.batch = kTrainingBatch, .hidden = kTrainingHidden}, kDefaultSeed);
  return measure_loop(pool, warmup, steps, [&step] { step.run(); });
}

std::vector<report::AllocWorkloadRecord> run_alloc_workloads(const AllocWorkloadSettings& settings) {
  const char* modes = settings.pool_on && settings.pool_off ? "on and off" : settings.pool_on ? "on" : "off";

  spdlog::info("alloc: MatMul backward {}×{} @ {}×{}, pool {}: {} repetitions of {} warm-up + {} iterations",
               kMatmulM, kMatmulK, kMatmulK, kMatmulN, modes, settings.repetitions, kMatmulWarmup,
               settings.iterations);
  report::AllocWorkloadRecord matmul{.workload = report::AllocWorkload::matmul_backward,
                                     .m = kMatmulM, .k = kMatmulK, .n = kMatmulN,
                                     .warmup = kMatmulWarmup, .iterations = settings.iterations, .runs = {}};
  matmul = run_workload(std::move(matmul), settings, [&settings](bool pool_enabled) {
    return measure_matmul_backward(pool_enabled, kMatmulWarmup, settings.iterations);
  });
  log_result("MatMul backward", "iteration", matmul);

  spdlog::info("alloc: training batch {}, hidden {}, pool {}: {} repetitions of {} warm-up + {} steps",
               kTrainingBatch, kTrainingHidden, modes, settings.repetitions, kTrainingWarmup, settings.steps);
  report::AllocWorkloadRecord training{.workload = report::AllocWorkload::training,
                                       .batch = kTrainingBatch, .hidden = kTrainingHidden,
                                       .warmup = kTrainingWarmup, .iterations = settings.steps, .runs = {}};
  training = run_workload(std::move(training), settings, [&settings](bool pool_enabled) {
    return measure_training(pool_enabled, kTrainingWarmup, settings.steps);
  });
  log_result("training", "step", training);

  return {std::move(matmul), std::move(training)};
}

}  // namespace smp::app
