#include <cmath>
#include <numeric>
#include <vector>

#include "kernel_test_support.hpp"
#include "kernels/arch/arch_kernels.hpp"
#include "kernels/kernels.hpp"
#include "kernels/reference/reference.hpp"

namespace {

using smp::test::IsaScope;
using smp::test::random_floats;
using smp::test::worst_relative_error;

const std::vector<std::size_t> kSizes = {0, 1, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, 127, 513};

// The kernels' internal exp_batch over an array, on the active path.
void exp_kernel(float* y, const float* x, std::size_t n) {
  using namespace smp::kernels;
  on_isa(active_isa(), [&](auto arch) { ArchKernels<decltype(arch)>::exp(y, x, n); });
}

// Our exp is within ~1 ulp of the true value (exp_impl.hpp); the reference
// uses libm's correctly-rounded-ish std::exp.
constexpr double kExpTolerance = 1.5e-7;
// GELU composes exp with a division and a product: a few ulp more.
constexpr double kGeluTolerance = 2e-6;
// The GELU derivative is a sum of O(1) terms that cancel near its root at
// x ≈ -1.5, so its error is measured relative to max(|want|, 1).
constexpr double kGeluGradFloor = 1.0;
// Softmax normalises by a float sum of up to 513 terms (reference sums in double).
constexpr double kSoftmaxTolerance = 1e-5;
// LayerNorm's float mean/variance vs the double reference, for |x| ≤ 3. Its
// outputs are O(1) and gain·x̂ + bias can cancel to ~0, so errors are taken
// relative to max(|want|, 1).
constexpr double kLayerNormTolerance = 1e-5;
constexpr double kLayerNormFloor = 1.0;

}  // namespace

TEST_CASE("kernels: element-wise kernels match the scalar reference", "[kernels][eltwise]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  const std::size_t n = GENERATE(from_range(kSizes));
  IsaScope scope(isa);
  INFO("isa " << smp::kernels::isa_name(isa) << " n=" << n);
  const auto x = random_floats(n, 11, -8.0f, 8.0f);
  const auto other = random_floats(n, 12, -3.0f, 3.0f);
  std::vector<float> got(n, NAN), want(n, NAN);

  SECTION("gelu") {
    smp::kernels::gelu(got.data(), x.data(), n);
    smp::kernels::reference::gelu(want.data(), x.data(), n);
    CHECK(worst_relative_error(got, want, 1e-6).worst <= kGeluTolerance);
  }
  SECTION("gelu_backward") {
    smp::kernels::gelu_backward(got.data(), other.data(), x.data(), n);
    smp::kernels::reference::gelu_backward(want.data(), other.data(), x.data(), n);
    CHECK(worst_relative_error(got, want, kGeluGradFloor).worst <= kGeluTolerance);
  }
  SECTION("add, mul and scale are exact") {
    smp::kernels::add(got.data(), x.data(), other.data(), n);
    smp::kernels::reference::add(want.data(), x.data(), other.data(), n);
    CHECK(got == want);
    smp::kernels::mul(got.data(), x.data(), other.data(), n);
    smp::kernels::reference::mul(want.data(), x.data(), other.data(), n);
    CHECK(got == want);
    smp::kernels::scale(got.data(), x.data(), 0.37f, n);
    smp::kernels::reference::scale(want.data(), x.data(), 0.37f, n);
    CHECK(got == want);
  }
}

TEST_CASE("kernels: exp is accurate across the float range", "[kernels][exp]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  IsaScope scope(isa);
  std::vector<float> x;
  for (float v = -87.0f; v <= 88.0f; v += 0.0137f) x.push_back(v);
  std::vector<float> got(x.size());
  exp_kernel(got.data(), x.data(), x.size());
  double worst = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double truth = std::exp(double(x[i]));
    worst = std::max(worst, std::fabs(got[i] - truth) / truth);
  }
  CHECK(worst <= kExpTolerance);

  const std::vector<float> extremes = {-200.0f, -88.0f, 89.0f, 200.0f};
  std::vector<float> out(extremes.size());
  exp_kernel(out.data(), extremes.data(), extremes.size());
  CHECK(out[0] == 0.0f);
  CHECK(out[1] == 0.0f);
  CHECK(std::isinf(out[2]));
  CHECK(std::isinf(out[3]));
}

TEST_CASE("kernels: softmax matches the reference and sums to one", "[kernels][softmax]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  const std::size_t cols = GENERATE(from_range(kSizes));
  if (cols == 0) return;  // a softmax over no entries has no meaning
  IsaScope scope(isa);
  const int rows = 3;
  INFO("isa " << smp::kernels::isa_name(isa) << " cols=" << cols);
  const auto x = random_floats(rows * cols, 13, -30.0f, 30.0f);
  std::vector<float> got(x.size(), NAN), want(x.size(), NAN);

  SECTION("full rows") {
    smp::kernels::softmax(got.data(), x.data(), rows, int(cols));
    smp::kernels::reference::softmax(want.data(), x.data(), rows, int(cols));
    const double row_sum = std::accumulate(got.begin(), got.begin() + long(cols), 0.0);
    CHECK(row_sum == Approx(1.0).epsilon(1e-5));
  }
  SECTION("causal prefix per row, zeros after it") {
    const int full = int(cols);
    const std::vector<int> valid = {1, std::max(1, full / 2), full};
    smp::kernels::softmax(got.data(), x.data(), rows, full, valid.data());
    smp::kernels::reference::softmax(want.data(), x.data(), rows, full, valid.data());
    CHECK(got[0] == 1.0f);
    for (std::size_t j = 1; j < cols; ++j) CHECK(got[j] == 0.0f);
  }
  CHECK(worst_relative_error(got, want, 1e-7).worst <= kSoftmaxTolerance);
}

TEST_CASE("kernels: layernorm and broadcast add match the reference", "[kernels][layernorm]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  const std::size_t cols = GENERATE(from_range(kSizes));
  IsaScope scope(isa);
  const int rows = 4;
  INFO("isa " << smp::kernels::isa_name(isa) << " cols=" << cols);
  const auto x = random_floats(rows * cols, 14, -3.0f, 3.0f);
  const auto gain = random_floats(cols, 15, 0.5f, 1.5f);
  const auto bias = random_floats(cols, 16);
  std::vector<float> got(x.size(), NAN), want(x.size(), NAN);

  SECTION("layernorm") {
    smp::kernels::layernorm(got.data(), x.data(), gain.data(), bias.data(), rows, int(cols));
    smp::kernels::reference::layernorm(want.data(), x.data(), gain.data(), bias.data(), rows, int(cols));
    CHECK(worst_relative_error(got, want, kLayerNormFloor).worst <= kLayerNormTolerance);
  }
  SECTION("add_broadcast_row is exact") {
    smp::kernels::add_broadcast_row(got.data(), x.data(), bias.data(), rows, int(cols));
    smp::kernels::reference::add_broadcast_row(want.data(), x.data(), bias.data(), rows, int(cols));
    CHECK(got == want);
  }
}

TEST_CASE("kernels: element-wise and row-wise kernels give the same result in place", "[kernels][eltwise]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  IsaScope scope(isa);
  const int rows = 3;
  const int cols = 37;  // a SIMD body and a tail on both paths
  const std::size_t n = std::size_t(rows) * cols;
  const auto x = random_floats(n, 21, -4.0f, 4.0f);
  const auto other = random_floats(n, 22);
  const auto gain = random_floats(std::size_t(cols), 23, 0.5f, 1.5f);
  std::vector<float> separate(n), in_place = x;

  SECTION("gelu") {
    smp::kernels::gelu(separate.data(), x.data(), n);
    smp::kernels::gelu(in_place.data(), in_place.data(), n);
  }
  SECTION("add") {
    smp::kernels::add(separate.data(), x.data(), other.data(), n);
    smp::kernels::add(in_place.data(), in_place.data(), other.data(), n);
  }
  SECTION("scale") {
    smp::kernels::scale(separate.data(), x.data(), 0.125f, n);
    smp::kernels::scale(in_place.data(), in_place.data(), 0.125f, n);
  }
  SECTION("softmax") {
    smp::kernels::softmax(separate.data(), x.data(), rows, cols);
    smp::kernels::softmax(in_place.data(), in_place.data(), rows, cols);
  }
  SECTION("layernorm") {
    smp::kernels::layernorm(separate.data(), x.data(), gain.data(), other.data(), rows, cols);
    smp::kernels::layernorm(in_place.data(), in_place.data(), gain.data(), other.data(), rows, cols);
  }
  CHECK(in_place == separate);
}

TEST_CASE("kernels: element-wise and row-wise kernels give the same bits on two threads", "[kernels][eltwise][threads]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  IsaScope scope(isa);
  INFO("isa " << smp::kernels::isa_name(isa));
  const int rows = 301;
  const int cols = 517;  // large enough to split, ragged on every path
  const std::size_t n = std::size_t(rows) * cols;
  const auto x = random_floats(n, 31, -6.0f, 6.0f);
  const auto other = random_floats(n, 32);
  const auto gain = random_floats(std::size_t(cols), 33, 0.5f, 1.5f);
  const std::vector<int> valid(std::size_t(rows), cols / 3);
  const auto run_all = [&](int threads) {
    smp::test::ThreadScope thread_scope(threads);
    std::vector<float> out(6 * n);
    smp::kernels::gelu(out.data(), x.data(), n);
    smp::kernels::gelu_backward(out.data() + n, other.data(), x.data(), n);
    smp::kernels::add(out.data() + 2 * n, x.data(), other.data(), n);
    smp::kernels::softmax(out.data() + 3 * n, x.data(), rows, cols, valid.data());
    smp::kernels::layernorm(out.data() + 4 * n, x.data(), gain.data(), other.data(), rows, cols);
    smp::kernels::add_broadcast_row(out.data() + 5 * n, x.data(), gain.data(), rows, cols);
    return out;
  };
  const std::vector<float> serial = run_all(1);
  CHECK(run_all(2) == serial);
  std::vector<float> want(n);
  smp::kernels::reference::gelu(want.data(), x.data(), n);
  CHECK(worst_relative_error(std::vector<float>(serial.begin(), serial.begin() + long(n)), want, 1e-6).worst <=
        kGeluTolerance);
}
