#include <algorithm>
#include <cfloat>
#include <cmath>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "kernel_test_support.hpp"
#include "kernels/kernels.hpp"
#include "kernels/packed_weight.hpp"
#include "kernels/reference/reference.hpp"

namespace {

using smp::test::IsaScope;
using smp::test::random_floats;
using smp::test::ThreadScope;

struct Shape {
  int m, k, n;
};

// Ragged edges in every dimension around the 14x32 (AVX-512), 6x16 (AVX2) and 6x8 (SSE) tiles,
// the KC=256 k-block, and the shapes the model and the backward pass use.
// Each path of gemm_impl.hpp is reached: M == 1 (GEMV strips with vector and
// scalar column tails, and 1-row dot products), small M (dot-product tiles
// with row, column and k tails; B read in place), the boundary rows 24/25 and
// 48/49 where the paths change, and shapes big enough to be split across
// threads by rows, by columns and in the small-M paths. Rows read in place
// at every row stride the zmm tile compiles in (StridedRowWidths): k = 64 … 4096.
const std::vector<Shape> kShapes = {
    {0, 4, 4},       {4, 0, 4},       {4, 4, 0},       {1, 1, 1},     {1, 257, 3},   {7, 7, 7},      {8, 8, 8},
    {9, 9, 9},       {8, 7, 9},       {15, 16, 17},    {31, 33, 31},  {33, 31, 33},  {33, 9, 31},    {17, 33, 65},
    {1, 9, 45},      {1, 33, 100},    {24, 40, 50},    {25, 40, 50},  {48, 19, 37},  {49, 19, 37},   {64, 64, 64},
    {100, 127, 100}, {35, 128, 384},  {128, 256, 128}, {1, 256, 768}, {13, 513, 29}, {30, 512, 300}, {1, 1024, 2050},
    {35, 256, 1031}, {200, 300, 190}, {300, 260, 33}, {14, 17, 32},   {15, 33, 33},  {57, 31, 95},  {113, 50, 97},
    {45, 64, 65},    {29, 1024, 70},  {21, 2048, 40},  {17, 4096, 33}};

// A float dot product of length k, accumulated in any order, is within
// k·eps·Σ|a||b| of the exact value; inputs are in [-1, 1) so Σ|a||b| ≤ k.
double matmul_tolerance(int k) { return 2.0 * k * std::max(k, 1) * FLT_EPSILON + 1e-6; }

// The fused GELU epilogue: GELU's slope stays below 1.1, so it scales the
// product's error by at most that, and adds its own error (kGeluRelative, as
// in test_eltwise.cpp) on outputs of size up to k + 1.
constexpr double kGeluSlopeBound = 1.1;
constexpr double kGeluRelative = 2e-6;
double matmul_gelu_tolerance(int k) { return kGeluSlopeBound * matmul_tolerance(k) + kGeluRelative * (k + 1); }

// A weight packed on the active path, owning the storage of its copy.
struct Packed {
  Packed(const float* b, int n, int k,
         smp::kernels::WeightResidency residency = smp::kernels::WeightResidency::cached)
      : storage(smp::kernels::PackedWeight::storage_floats(n, k)), weight(b, n, k, storage.data(), residency) {}
  std::vector<float> storage;
  smp::kernels::PackedWeight weight;
};

double worst_absolute_error(const std::vector<float>& got, const std::vector<float>& want) {
  double worst = 0.0;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const double error = std::fabs(double(got[i]) - want[i]);
    if (!(error <= worst)) worst = error;
  }
  return worst;
}

}  // namespace

TEST_CASE("kernels: matmul variants match the scalar reference on ragged shapes", "[kernels][matmul]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  const int threads = GENERATE(from_range(smp::test::kThreadCounts));
  const Shape shape = GENERATE(from_range(kShapes));
  IsaScope scope(isa);
  ThreadScope thread_scope(threads);
  INFO("isa " << smp::kernels::isa_name(isa) << " threads=" << threads << " m=" << shape.m << " k=" << shape.k
              << " n=" << shape.n);
  const auto [m, k, n] = std::tuple{shape.m, shape.k, shape.n};
  const auto a = random_floats(std::size_t(m) * k, 1);
  const auto b = random_floats(std::size_t(k) * n, 2);
  const auto bias = random_floats(std::size_t(n), 3);
  const auto at = random_floats(std::size_t(k) * m, 4);      // A stored [k, m]
  const auto bt = random_floats(std::size_t(n) * k, 5);      // B stored [n, k]
  const auto seed_c = random_floats(std::size_t(m) * n, 6);  // for accumulation
  std::vector<float> got(std::size_t(m) * n, NAN), want(std::size_t(m) * n, NAN);
  double tolerance = matmul_tolerance(k);

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
  SECTION("C = gelu(A·Bᵀ + bias)") {
    smp::kernels::matmul_bt_gelu(got.data(), a.data(), bt.data(), bias.data(), m, k, n);
    smp::kernels::reference::matmul_bt_gelu(want.data(), a.data(), bt.data(), bias.data(), m, k, n);
    tolerance = matmul_gelu_tolerance(k);
  }
  SECTION("C += A·Bᵀ + bias") {
    got = want = seed_c;
    smp::kernels::matmul_bt_residual(got.data(), a.data(), bt.data(), bias.data(), m, k, n);
    smp::kernels::reference::matmul_bt_residual(want.data(), a.data(), bt.data(), bias.data(), m, k, n);
  }
  SECTION("C = A·Bᵀ + bias, B packed ahead") {
    smp::kernels::matmul_bt(got.data(), a.data(), Packed(bt.data(), n, k).weight, bias.data(), m);
    smp::kernels::reference::matmul_bt(want.data(), a.data(), bt.data(), bias.data(), m, k, n);
  }
  SECTION("C = gelu(A·Bᵀ + bias), B packed ahead") {
    smp::kernels::matmul_bt_gelu(got.data(), a.data(), Packed(bt.data(), n, k).weight, bias.data(), m);
    smp::kernels::reference::matmul_bt_gelu(want.data(), a.data(), bt.data(), bias.data(), m, k, n);
    tolerance = matmul_gelu_tolerance(k);
  }
  SECTION("C += A·Bᵀ + bias, B packed ahead") {
    got = want = seed_c;
    smp::kernels::matmul_bt_residual(got.data(), a.data(), Packed(bt.data(), n, k).weight, bias.data(),
                                     m);
    smp::kernels::reference::matmul_bt_residual(want.data(), a.data(), bt.data(), bias.data(), m, k, n);
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
  CHECK(worst_absolute_error(got, want) <= tolerance);
}

// On AVX-512 a packed A meets B in blocks of columns that fill half of L2
// (1024 columns with KC = 256 and a 2 MiB L2, fewer with less): 260 rows pack
// A, and 1100 columns give at least two blocks, the last one ragged.
TEST_CASE("kernels: a packed A against B wider than a block of columns matches the reference", "[kernels][matmul]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  const int threads = GENERATE(from_range(smp::test::kThreadCounts));
  IsaScope scope(isa);
  ThreadScope thread_scope(threads);
  INFO("isa " << smp::kernels::isa_name(isa) << " threads=" << threads);
  constexpr int m = 260, k = 300, n = 1100;
  const auto a = random_floats(std::size_t(m) * k, 1);
  const auto at = random_floats(std::size_t(k) * m, 2);
  const auto b = random_floats(std::size_t(k) * n, 3);
  const auto bias = random_floats(std::size_t(n), 4);
  std::vector<float> got(std::size_t(m) * n, NAN), want(std::size_t(m) * n, NAN);
  SECTION("C = A·B + bias") {
    smp::kernels::matmul(got.data(), a.data(), b.data(), bias.data(), m, k, n);
    smp::kernels::reference::matmul(want.data(), a.data(), b.data(), bias.data(), m, k, n);
  }
  SECTION("C += Aᵀ·B") {
    got = want = random_floats(std::size_t(m) * n, 5);
    smp::kernels::matmul_at_accumulate(got.data(), at.data(), b.data(), m, k, n);
    smp::kernels::reference::matmul_at_accumulate(want.data(), at.data(), b.data(), m, k, n);
  }
  CHECK(worst_absolute_error(got, want) <= matmul_tolerance(k));
}

TEST_CASE("kernels: matmul overwrites C rather than accumulating into it", "[kernels][matmul]") {
  const auto a = random_floats(9 * 9, 7);
  const auto b = random_floats(9 * 9, 8);
  std::vector<float> once(81), twice(81);
  smp::kernels::matmul(once.data(), a.data(), b.data(), nullptr, 9, 9, 9);
  twice = once;
  smp::kernels::matmul(twice.data(), a.data(), b.data(), nullptr, 9, 9, 9);
  CHECK(once == twice);
}

// Threads split C into disjoint blocks and every element keeps the arithmetic
// it has on one thread, so the results must be bit-for-bit the same.
TEST_CASE("kernels: matmul gives identical bits on 1 and 2 threads", "[kernels][matmul][threads]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  const Shape shape = GENERATE(Shape{128, 256, 128}, Shape{30, 512, 300}, Shape{1, 1024, 2050}, Shape{35, 256, 1031},
                               Shape{200, 300, 190}, Shape{512, 128, 40}, Shape{20, 512, 400});
  IsaScope scope(isa);
  INFO("isa " << smp::kernels::isa_name(isa) << " m=" << shape.m << " k=" << shape.k << " n=" << shape.n);
  const auto [m, k, n] = std::tuple{shape.m, shape.k, shape.n};
  const auto a = random_floats(std::size_t(m) * k, 21);
  const auto b = random_floats(std::size_t(k) * n, 22);
  const auto bias = random_floats(std::size_t(n), 23);
  const auto run = [&](int threads, bool transposed) {
    ThreadScope thread_scope(threads);
    std::vector<float> c(std::size_t(m) * n);
    if (transposed) {
      smp::kernels::matmul_bt(c.data(), a.data(), b.data(), bias.data(), m, k, n);
    } else {
      smp::kernels::matmul(c.data(), a.data(), b.data(), bias.data(), m, k, n);
    }
    return c;
  };
  CHECK(run(1, false) == run(2, false));
  CHECK(run(1, true) == run(2, true));
  const Packed packed(b.data(), n, k);  // b read as [n, k]
  const auto run_packed = [&](int threads) {
    ThreadScope thread_scope(threads);
    std::vector<float> c(std::size_t(m) * n);
    smp::kernels::matmul_bt(c.data(), a.data(), packed.weight, bias.data(), m);
    return c;
  };
  CHECK(run_packed(1) == run_packed(2));
}

// Dot-product tiles start with a partial batch so that their loads of B are
// aligned; how long it is depends on where B starts, so every start within a
// 64-byte line is tried, with k shorter than, equal to and longer than that
// head, and B's rows sharing the first one's alignment (k a multiple of 16)
// or not.
TEST_CASE("kernels: A·Bᵀ matches the reference wherever B starts", "[kernels][matmul]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  const int m = GENERATE(1, 3);
  const Shape shape = GENERATE(Shape{0, 1, 5}, Shape{0, 7, 9}, Shape{0, 15, 17}, Shape{0, 16, 33}, Shape{0, 17, 8},
                               Shape{0, 32, 16}, Shape{0, 33, 31}, Shape{0, 48, 100}, Shape{0, 256, 40});
  IsaScope scope(isa);
  const auto [k, n] = std::tuple{shape.k, shape.n};
  constexpr int kLineFloats = 16;
  const auto a = random_floats(std::size_t(m) * k, 41);
  const auto storage = random_floats(std::size_t(n) * k + kLineFloats, 42);
  const auto bias = random_floats(std::size_t(n), 43);
  for (int offset = 0; offset < kLineFloats; ++offset) {
    INFO("isa " << smp::kernels::isa_name(isa) << " m=" << m << " k=" << k << " n=" << n << " B at +" << offset
                << " floats");
    const float* bt = storage.data() + offset;
    const auto run = [&](int threads) {
      ThreadScope thread_scope(threads);
      std::vector<float> c(std::size_t(m) * n, NAN);
      smp::kernels::matmul_bt(c.data(), a.data(), bt, bias.data(), m, k, n);
      return c;
    };
    std::vector<float> want(std::size_t(m) * n);
    smp::kernels::reference::matmul_bt(want.data(), a.data(), bt, bias.data(), m, k, n);
    const auto got = run(1);
    CHECK(worst_absolute_error(got, want) <= matmul_tolerance(k));
    CHECK(got == run(2));
  }
}

// A weight packed on one path and used on another is packed per call there,
// exactly as an unpacked weight is.
TEST_CASE("kernels: a weight packed for another path gives that path's own bits", "[kernels][matmul]") {
  const auto packing_isa = GENERATE(from_range(smp::test::runnable_isas()));
  const auto running_isa = GENERATE(from_range(smp::test::runnable_isas()));
  const Shape shape = GENERATE(Shape{35, 256, 1031}, Shape{21, 300, 65}, Shape{7, 33, 31});
  INFO("packed on " << smp::kernels::isa_name(packing_isa) << ", run on " << smp::kernels::isa_name(running_isa)
                    << " m=" << shape.m << " k=" << shape.k << " n=" << shape.n);
  const auto [m, k, n] = std::tuple{shape.m, shape.k, shape.n};
  const auto a = random_floats(std::size_t(m) * k, 31);
  const auto bt = random_floats(std::size_t(n) * k, 32);
  const auto bias = random_floats(std::size_t(n), 33);
  const Packed packed = [&] {
    IsaScope scope(packing_isa);
    return Packed(bt.data(), n, k);
  }();
  IsaScope scope(running_isa);
  CHECK((packed.weight.panels_for(running_isa) != nullptr) == (packing_isa == running_isa));
  std::vector<float> got(std::size_t(m) * n), want(std::size_t(m) * n);
  smp::kernels::matmul_bt(got.data(), a.data(), packed.weight, bias.data(), m);
  smp::kernels::matmul_bt(want.data(), a.data(), bt.data(), bias.data(), m, k, n);
  if (packing_isa == running_isa) {
    CHECK(worst_absolute_error(got, want) <= matmul_tolerance(k));
  } else {
    CHECK(got == want);
  }
}

TEST_CASE("kernels: the thread count is settable and checked", "[kernels][threads]") {
  {
    ThreadScope thread_scope(2);
    CHECK(smp::kernels::thread_count() == 2);
  }
  CHECK(smp::kernels::thread_count() == 1);
  CHECK_THROWS_AS(smp::kernels::set_thread_count(0), std::invalid_argument);
}

// A weight that streams from beyond L2 is cut into register tiles of other
// heights (gemm_impl.hpp, TileRows); every element's arithmetic stays the same.
TEST_CASE("kernels: a streamed weight gives a cached one's bits at every height", "[kernels][matmul]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  const int threads = GENERATE(from_range(smp::test::kThreadCounts));
  const Shape shape = GENERATE(Shape{0, 256, 96}, Shape{0, 33, 70}, Shape{0, 300, 31});
  IsaScope scope(isa);
  ThreadScope thread_scope(threads);
  const auto [k, n] = std::tuple{shape.k, shape.n};
  constexpr int kMaxRows = 45;  // up to four zmm tiles of 14 rows
  const auto a = random_floats(std::size_t(kMaxRows) * k, 51);
  const auto bt = random_floats(std::size_t(n) * k, 52);
  const auto bias = random_floats(std::size_t(n), 53);
  const Packed cached(bt.data(), n, k, smp::kernels::WeightResidency::cached);
  const Packed streamed(bt.data(), n, k, smp::kernels::WeightResidency::streamed);
  for (int m = 1; m <= kMaxRows; ++m) {
    INFO("isa " << smp::kernels::isa_name(isa) << " threads " << threads << " m=" << m << " k=" << k << " n=" << n);
    std::vector<float> got(std::size_t(m) * n, NAN), want(std::size_t(m) * n, NAN);
    smp::kernels::matmul_bt(got.data(), a.data(), streamed.weight, bias.data(), m);
    smp::kernels::matmul_bt(want.data(), a.data(), cached.weight, bias.data(), m);
    CHECK(got == want);
    std::vector<float> truth(std::size_t(m) * n);
    smp::kernels::reference::matmul_bt(truth.data(), a.data(), bt.data(), bias.data(), m, k, n);
    CHECK(worst_absolute_error(got, truth) <= matmul_tolerance(k));
  }
}
