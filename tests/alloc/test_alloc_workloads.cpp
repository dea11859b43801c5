#include <catch2/catch.hpp>

#include "app/workloads/alloc_workloads.hpp"

namespace {

using smp::app::measure_matmul_backward;
using smp::app::measure_training;

constexpr int kIterations = 4;

constexpr std::uint64_t kFloat = sizeof(float);
// The MatMul workload's gradients: dA[128,256] and dB[256,128].
constexpr std::uint64_t kMatmulGradientBytes =
    (std::uint64_t(smp::app::kMatmulM) * smp::app::kMatmulK + std::uint64_t(smp::app::kMatmulK) * smp::app::kMatmulN) * kFloat;
// The training step's gradients: d_h1 and d_w1 [32,256], d_w3 [256,32], d_w2 [256,256].
constexpr std::uint64_t kTrainingGradientBytes =
    (3 * std::uint64_t(smp::app::kTrainingBatch) * smp::app::kTrainingHidden +
     std::uint64_t(smp::app::kTrainingHidden) * smp::app::kTrainingHidden) * kFloat;

}  // namespace

TEST_CASE("MatMul backward workload with the pool on: the measured loop allocates nothing", "[alloc][workloads]") {
  const auto sample = measure_matmul_backward(true, smp::app::kMatmulWarmup, kIterations);
  CHECK(sample.alloc_bytes == 0);
  CHECK(sample.alloc_count == 0);
  CHECK(sample.peak_live_bytes == 0);
  CHECK(sample.pool.rents == 2 * kIterations);
  CHECK(sample.pool.hits == 2 * kIterations);
  CHECK(sample.pool.misses == 0);
  CHECK(sample.pool.bytes_from_pool == kIterations * kMatmulGradientBytes);
}

TEST_CASE("MatMul backward workload with the pool off: exactly dA + dB per iteration", "[alloc][workloads]") {
  const auto sample = measure_matmul_backward(false, smp::app::kMatmulWarmup, kIterations);
  static_assert(kMatmulGradientBytes == 256 * 1024, "SmallMind's expected 256.00 KB per iteration");
  CHECK(sample.alloc_bytes == kIterations * kMatmulGradientBytes);
  CHECK(sample.alloc_count == 2 * kIterations);
  CHECK(sample.pool.misses == 2 * kIterations);
  CHECK(sample.pool.bytes_allocated == kIterations * kMatmulGradientBytes);
  // Both gradients are live at once, so the loop's peak holds at least dA + dB.
  CHECK(sample.peak_live_bytes >= std::int64_t(kMatmulGradientBytes));
}

TEST_CASE("training workload with the pool on: the measured loop allocates nothing", "[alloc][workloads]") {
  const auto sample = measure_training(true, smp::app::kTrainingWarmup, kIterations);
  CHECK(sample.alloc_bytes == 0);
  CHECK(sample.alloc_count == 0);
  CHECK(sample.pool.rents == 4 * kIterations);
  CHECK(sample.pool.misses == 0);
}

TEST_CASE("training workload with the pool off: exactly the four gradient buffers per step", "[alloc][workloads]") {
  const auto sample = measure_training(false, smp::app::kTrainingWarmup, kIterations);
  CHECK(sample.alloc_bytes == kIterations * kTrainingGradientBytes);
  CHECK(sample.alloc_count == 4 * kIterations);
  CHECK(sample.pool.misses == 4 * kIterations);
}

TEST_CASE("the workloads run in the requested pool modes with one sample per repetition", "[alloc][workloads]") {
  const auto workloads = smp::app::run_alloc_workloads({.iterations = 2, .steps = 2, .repetitions = 3,
                                                        .pool_on = false, .pool_off = true});
  REQUIRE(workloads.size() == 2);
  for (const auto& workload : workloads) {
    REQUIRE(workload.runs.size() == 1);
    CHECK_FALSE(workload.runs[0].pool_enabled);
    CHECK(workload.runs[0].samples.size() == 3);
    CHECK(workload.iterations == 2);
  }
  CHECK(workloads[0].m == 128);
  CHECK(workloads[0].warmup == smp::app::kMatmulWarmup);
  CHECK(workloads[1].hidden == 256);
  CHECK(workloads[1].warmup == smp::app::kTrainingWarmup);
}
