#pragma once
// Finite-difference gradient checking against a loss computed in double with
// plain loops, so the check is independent of the kernels it tests.
#include <algorithm>
#include <cmath>
#include <functional>
#include <span>
#include <vector>

namespace smp::test {

// Central difference step. The losses checked here are linear in each single
// input (products of distinct entries), so the difference is exact up to
// double rounding for any step; 1e-3 keeps that rounding far below float's.
inline constexpr double kFiniteDifferenceStep = 1e-3;

// ∂loss/∂x[i] for every i, by central differences on a double copy of x.
inline std::vector<double> finite_difference_gradient(std::span<const float> x,
                                                      const std::function<double(std::span<const double>)>& loss) {
  std::vector<double> point(x.begin(), x.end());
  std::vector<double> gradient(x.size());
  for (std::size_t i = 0; i < point.size(); ++i) {
    const double saved = point[i];
    point[i] = saved + kFiniteDifferenceStep;
    const double up = loss(point);
    point[i] = saved - kFiniteDifferenceStep;
    const double down = loss(point);
    point[i] = saved;
    gradient[i] = (up - down) / (2.0 * kFiniteDifferenceStep);
  }
  return gradient;
}

// max|got − want| / max|want|: relative to the gradient's scale, so entries
// that happen to be near zero do not turn rounding into a large ratio.
inline double relative_error(std::span<const float> got, std::span<const double> want) {
  double worst = 0.0, scale = 0.0;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const double error = std::fabs(double(got[i]) - want[i]);
    if (!(error <= worst)) worst = error;  // NaN counts as worst
    scale = std::max(scale, std::fabs(want[i]));
  }
  return scale > 0.0 ? worst / scale : worst;
}

// C[m,n] = A[m,k]·B[k,n] in double.
inline std::vector<double> matmul_double(std::span<const double> a, std::span<const double> b, int m, int k, int n) {
  std::vector<double> c(std::size_t(m) * n, 0.0);
  for (int i = 0; i < m; ++i) {
    for (int p = 0; p < k; ++p) {
      for (int j = 0; j < n; ++j) c[std::size_t(i) * n + j] += a[std::size_t(i) * k + p] * b[std::size_t(p) * n + j];
    }
  }
  return c;
}

}  // namespace smp::test
