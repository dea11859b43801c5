#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <vector>

#include <catch2/catch.hpp>

#include "gradient_check.hpp"
#include "heap_traffic.hpp"
#include "model/training/buffer_pool.hpp"
#include "model/training/training_step.hpp"

namespace {

using smp::model::BufferPool;
using smp::model::TrainingShape;
using smp::model::TrainingStep;

// The bound for a float gradient against finite differences.
constexpr double kGradientTolerance = 1e-3;
// Each out entry is two chained float dot products of length hidden with
// non-negative terms, so its relative error is below about 2·hidden·2⁻²⁴
// (2e-6 for hidden 17, the largest here).
constexpr double kForwardTolerance = 1e-5;

std::vector<double> to_double(std::span<const float> values) { return {values.begin(), values.end()}; }

// The step's loss: backward starts from dOut = 1, so L = Σ (w1·w2)·w3.
double loss(std::span<const double> w1, std::span<const double> w2, std::span<const double> w3, TrainingShape s) {
  const auto h1 = smp::test::matmul_double(w1, w2, s.batch, s.hidden, s.hidden);
  const auto out = smp::test::matmul_double(h1, w3, s.batch, s.hidden, s.batch);
  return std::accumulate(out.begin(), out.end(), 0.0);
}

}  // namespace

TEST_CASE("training step gradients match finite differences", "[alloc][training]") {
  const TrainingShape shape = GENERATE(TrainingShape{1, 1}, TrainingShape{3, 5}, TrainingShape{4, 7}, TrainingShape{6, 17});
  INFO("batch=" << shape.batch << " hidden=" << shape.hidden);
  BufferPool pool(true);
  TrainingStep step(pool, shape, 42);
  const auto w1 = to_double(step.w1()), w2 = to_double(step.w2()), w3 = to_double(step.w3());

  step.forward();
  const auto h1 = smp::test::matmul_double(w1, w2, shape.batch, shape.hidden, shape.hidden);
  const auto want_out = smp::test::matmul_double(h1, w3, shape.batch, shape.hidden, shape.batch);
  CHECK(smp::test::relative_error(step.out(), want_out) <= kForwardTolerance);

  step.backward();
  const auto want_w1 = smp::test::finite_difference_gradient(
      step.w1(), [&](std::span<const double> point) { return loss(point, w2, w3, shape); });
  const auto want_w2 = smp::test::finite_difference_gradient(
      step.w2(), [&](std::span<const double> point) { return loss(w1, point, w3, shape); });
  const auto want_w3 = smp::test::finite_difference_gradient(
      step.w3(), [&](std::span<const double> point) { return loss(w1, w2, point, shape); });
  CHECK(smp::test::relative_error(step.grad_w1(), want_w1) <= kGradientTolerance);
  CHECK(smp::test::relative_error(step.grad_w2(), want_w2) <= kGradientTolerance);
  CHECK(smp::test::relative_error(step.grad_w3(), want_w3) <= kGradientTolerance);

  step.zero_grad();
  CHECK(step.grad_w1().empty());
  CHECK(pool.counters().returns == pool.counters().rents);  // every gradient buffer went back
}

TEST_CASE("training step weights are seeded and uniform in 0 to 1", "[alloc][training]") {
  BufferPool pool(true);
  TrainingStep first(pool, {}, 42);
  TrainingStep same(pool, {}, 42);
  TrainingStep other(pool, {}, 43);
  CHECK(first.w1().size() == 32 * 256);
  CHECK(first.w2().size() == 256 * 256);
  CHECK(first.w3().size() == 256 * 32);
  CHECK(std::ranges::equal(first.w2(), same.w2()));
  CHECK_FALSE(std::ranges::equal(first.w2(), other.w2()));
  CHECK(std::ranges::all_of(first.w3(), [](float w) { return w >= 0.0f && w < 1.0f; }));
}

TEST_CASE("training step rejects a non-positive shape", "[alloc][training]") {
  BufferPool pool(true);
  CHECK_THROWS_AS(TrainingStep(pool, {0, 256}, 42), std::invalid_argument);
  CHECK_THROWS_AS(TrainingStep(pool, {32, -1}, 42), std::invalid_argument);
}

TEST_CASE("training step at SmallMind's shape: heap bytes per step", "[alloc][training]") {
  constexpr std::uint64_t b = 32, h = 256;
  SECTION("pool on: nothing after the first step") {
    BufferPool pool(true);
    TrainingStep step(pool, {}, 42);
    step.run();
    const auto traffic = smp::test::heap_traffic([&] {
      for (int i = 0; i < 5; ++i) step.run();
    });
    CHECK(traffic.bytes == 0);
    CHECK(traffic.allocations == 0);
  }
  SECTION("pool off: the four gradient buffers, freshly allocated each step") {
    BufferPool pool(false);
    TrainingStep step(pool, {}, 42);
    step.run();
    const auto traffic = smp::test::heap_traffic([&] {
      for (int i = 0; i < 5; ++i) step.run();
    });
    // d_h1[b,h] and d_w3[h,b] for out = h1·w3, then d_w1[b,h] and d_w2[h,h] for h1 = w1·w2.
    constexpr std::uint64_t kExpectedPerStep = (3 * b * h + h * h) * sizeof(float);
    CHECK(traffic.bytes == 5 * kExpectedPerStep);
    CHECK(traffic.allocations == 5 * 4);
  }
}
