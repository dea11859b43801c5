#include <random>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "gradient_check.hpp"
#include "heap_traffic.hpp"
#include "model/training/buffer_pool.hpp"
#include "model/training/matmul_backward.hpp"
#include "tests/random_inputs.hpp"

namespace {

using smp::model::BufferPool;
using smp::model::MatmulGradients;
using smp::test::random_floats;

// The bound for a float gradient against finite differences.
constexpr double kGradientTolerance = 1e-3;

std::vector<double> to_double(const std::vector<float>& values) { return {values.begin(), values.end()}; }

// The loss whose gradient backward computes from dC: L = Σ dC ⊙ (A·B).
double loss(std::span<const double> a, std::span<const double> b, std::span<const double> dc, int m, int k, int n) {
  const std::vector<double> c = smp::test::matmul_double(a, b, m, k, n);
  double sum = 0.0;
  for (std::size_t i = 0; i < c.size(); ++i) sum += dc[i] * c[i];
  return sum;
}

struct Shape {
  int m, k, n;
};

}  // namespace

TEST_CASE("matmul backward matches finite differences", "[alloc][backward]") {
  // Ragged sizes around the GEMM tiles, and a single element.
  const Shape shape = GENERATE(Shape{1, 1, 1}, Shape{3, 5, 4}, Shape{7, 9, 6}, Shape{17, 33, 9});
  const auto [m, k, n] = std::tuple{shape.m, shape.k, shape.n};
  INFO("m=" << m << " k=" << k << " n=" << n);
  const auto a = random_floats(std::size_t(m) * k, 1);
  const auto b = random_floats(std::size_t(k) * n, 2);
  const auto dc = random_floats(std::size_t(m) * n, 3);
  const auto a64 = to_double(a), b64 = to_double(b), dc64 = to_double(dc);

  BufferPool pool(true);
  MatmulGradients gradients = smp::model::matmul_backward(pool, dc.data(), a.data(), b.data(), m, k, n);

  const auto want_da = smp::test::finite_difference_gradient(
      a, [&](std::span<const double> point) { return loss(point, b64, dc64, m, k, n); });
  const auto want_db = smp::test::finite_difference_gradient(
      b, [&](std::span<const double> point) { return loss(a64, point, dc64, m, k, n); });
  CHECK(smp::test::relative_error(gradients.da.span(), want_da) <= kGradientTolerance);
  CHECK(smp::test::relative_error(gradients.db.span(), want_db) <= kGradientTolerance);
}

TEST_CASE("matmul backward zeroes reused pool buffers before accumulating", "[alloc][backward]") {
  constexpr int m = 4, k = 6, n = 5;
  const auto a = random_floats(std::size_t(m) * k, 4);
  const auto b = random_floats(std::size_t(k) * n, 5);
  const auto dc = random_floats(std::size_t(m) * n, 6);
  BufferPool pool(true);
  MatmulGradients first = smp::model::matmul_backward(pool, dc.data(), a.data(), b.data(), m, k, n);
  const std::vector<float> first_da(first.da.span().begin(), first.da.span().end());
  first.zero_grad();
  MatmulGradients second = smp::model::matmul_backward(pool, dc.data(), a.data(), b.data(), m, k, n);
  CHECK(pool.counters().hits == 2);  // the second backward reused both buffers…
  CHECK(std::vector<float>(second.da.span().begin(), second.da.span().end()) == first_da);  // …without their old sums
}

TEST_CASE("matmul backward at SmallMind's shape: heap bytes per iteration", "[alloc][backward]") {
  constexpr int m = 128, k = 256, n = 128;
  const auto a = random_floats(std::size_t(m) * k, 7);
  const auto b = random_floats(std::size_t(k) * n, 8);
  const std::vector<float> dc(std::size_t(m) * n, 1.0f);
  const auto iteration = [&](BufferPool& pool) {
    smp::model::matmul_backward(pool, dc.data(), a.data(), b.data(), m, k, n).zero_grad();
  };

  SECTION("pool on: nothing after the first iteration") {
    BufferPool pool(true);
    iteration(pool);  // fills the pool and the kernels' packing scratch
    const auto traffic = smp::test::heap_traffic([&] {
      for (int i = 0; i < 5; ++i) iteration(pool);
    });
    CHECK(traffic.bytes == 0);
    CHECK(traffic.allocations == 0);
  }
  SECTION("pool off: exactly dA and dB, freshly allocated each iteration") {
    BufferPool pool(false);
    iteration(pool);  // the kernels' packing scratch grows on first use
    const auto traffic = smp::test::heap_traffic([&] {
      for (int i = 0; i < 5; ++i) iteration(pool);
    });
    constexpr std::uint64_t kExpectedPerIteration = (std::uint64_t(m) * k + std::uint64_t(k) * n) * sizeof(float);
    static_assert(kExpectedPerIteration == 256 * 1024, "SmallMind's 256.00 KB per iteration");
    CHECK(traffic.bytes == 5 * kExpectedPerIteration);
    CHECK(traffic.allocations == 5 * 2);
    CHECK(traffic.frees == 5 * 2);
  }
}
