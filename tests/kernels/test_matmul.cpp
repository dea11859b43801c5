#include <algorithm>
#include <cfloat>
#include <cmath>
#include <tuple>
#include <vector>

#include "kernel_test_support.hpp"
#include "kernels/kernels.hpp"
#include "kernels/reference.hpp"

namespace {

using smp::test::IsaScope;
using smp::test::random_floats;

struct Shape {
  int m, k, n;
};

// Ragged edges in every dimension around the 6x16 (AVX2) and 6x8 (SSE) tiles,
// the KC=256 k-block, and the shapes the model and the backward pass use.
const std::vector<Shape> kShapes = {
    {0, 4, 4},    {4, 0, 4},      {4, 4, 0},     {1, 1, 1},      {1, 257, 3},  {7, 7, 7},
    {8, 8, 8},    {9, 9, 9},      {15, 16, 17},  {31, 33, 31},   {33, 31, 33}, {17, 33, 65},
    {64, 64, 64}, {100, 127, 100}, {35, 128, 384}, {128, 256, 128}, {1, 256, 768}, {13, 513, 29}};

// A float dot product of length k, accumulated in any order, is within
// k·eps·Σ|a||b| of the exact value; inputs are in [-1, 1) so Σ|a||b| ≤ k.
double matmul_tolerance(int k) { return 2.0 * k * std::max(k, 1) * FLT_EPSILON + 1e-6; }

double worst_absolute_error(const std::vector<float>& got, const std::vector<float>& want) {
  double worst = 0.0;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const double error = std::fabs(double(got[i]) - want[i]);
    if (!(error <= worst)) worst = error;
  }
  return worst;
}

}  // namespace

TEST_CASE("matmul variants match the scalar reference on ragged shapes", "[kernels][matmul]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  const Shape shape = GENERATE(from_range(kShapes));
  IsaScope scope(isa);
  INFO("isa " << smp::kernels::isa_name(isa) << " m=" << shape.m << " k=" << shape.k << " n=" << shape.n);
  const auto [m, k, n] = std::tuple{shape.m, shape.k, shape.n};
  const auto a = random_floats(std::size_t(m) * k, 1);
  const auto b = random_floats(std::size_t(k) * n, 2);
  const auto bias = random_floats(std::size_t(n), 3);
  const auto at = random_floats(std::size_t(k) * m, 4);       // A stored [k, m]
  const auto bt = random_floats(std::size_t(n) * k, 5);       // B stored [n, k]
  const auto seed_c = random_floats(std::size_t(m) * n, 6);   // for accumulation
  std::vector<float> got(std::size_t(m) * n, NAN), want(std::size_t(m) * n, NAN);

  SECTION("C = A·B") {
    smp::kernels::matmul(got.data(), a.data(), b.data(), nullptr, m, k, n);
    smp::kernels::reference::matmul(want.data(), a.data(), b.data(), nullptr, m, k, n);
  }
  SECTION("C = A·B + bias") {
    smp::kernels::matmul(got.data(), a.data(), b.data(), bias.data(), m, k, n);
    smp::kernels::reference::matmul(want.data(), a.data(), b.data(), bias.data(), m, k, n);
  }
  SECTION("C = A·Bᵀ + bias") {
    smp::kernels::matmul_bt(got.data(), a.data(), bt.data(), bias.data(), m, k, n);
    smp::kernels::reference::matmul_bt(want.data(), a.data(), bt.data(), bias.data(), m, k, n);
  }
  SECTION("C += Aᵀ·B") {
    got = want = seed_c;
    smp::kernels::matmul_at_accumulate(got.data(), at.data(), b.data(), m, k, n);
    smp::kernels::reference::matmul_at_accumulate(want.data(), at.data(), b.data(), m, k, n);
  }
  SECTION("C += A·Bᵀ") {
    got = want = seed_c;
    smp::kernels::matmul_bt_accumulate(got.data(), a.data(), bt.data(), m, k, n);
    smp::kernels::reference::matmul_bt_accumulate(want.data(), a.data(), bt.data(), m, k, n);
  }
  CHECK(worst_absolute_error(got, want) <= matmul_tolerance(k));
}

TEST_CASE("matmul overwrites C rather than accumulating into it", "[kernels][matmul]") {
  const auto a = random_floats(9 * 9, 7);
  const auto b = random_floats(9 * 9, 8);
  std::vector<float> once(81), twice(81);
  smp::kernels::matmul(once.data(), a.data(), b.data(), nullptr, 9, 9, 9);
  twice = once;
  smp::kernels::matmul(twice.data(), a.data(), b.data(), nullptr, 9, 9, 9);
  CHECK(once == twice);
}
