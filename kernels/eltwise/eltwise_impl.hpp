#pragma once
// Element-wise and row-wise kernels for one architecture. Large calls are
// split across the kernel pool into ranges of elements or rows; every element
// is computed the same way whoever computes it, so results do not depend on
// the thread count.
#include <cmath>
#include <cstddef>

#include "kernels/arch/arch_kernels.hpp"
#include "kernels/eltwise/batch_loop.hpp"
#include "kernels/eltwise/exp_impl.hpp"
#include "kernels/kernels.hpp"
#include "kernels/threading/thread_pool.hpp"

// Anonymous namespace: ISA code must not leak across translation units (arch_kernels.hpp).
namespace smp::kernels {
namespace {

constexpr float kGeluAlpha = 1.702f;
constexpr float kSigmoidClamp = 20.0f;

// e = exp(-z) for the clamped GELU argument z = 1.702·x, as 2^(-z·log2 e);
// σ(z) = 1 / (1 + e). The clamp keeps the power well inside float range.
template <class Arch>
xsimd::batch<float, Arch> exp_of_minus_gelu_arg(xsimd::batch<float, Arch> x) {
  using Batch = xsimd::batch<float, Arch>;
  const Batch power = xsimd::clip(x * Batch(-kGeluAlpha * kLog2e), Batch(-kSigmoidClamp * kLog2e),
                                  Batch(kSigmoidClamp * kLog2e));
  return exp2_in_range<Arch>(power);
}

// Elements per task when a call is split: about 10 µs of the cheapest
// kernels, well above the few microseconds a parked worker takes to wake.
constexpr std::size_t kElementsPerTask = 32 * 1024;

// Calls body(begin, end) over [0, total) in pieces of whole `align` units,
// split across the pool when each piece still carries kElementsPerTask of
// work (`cost` elements per unit).
template <class Body>
void split_across_pool(std::size_t total, std::size_t align, std::size_t cost, const Body& body) {
  const std::size_t units = (total + align - 1) / align;
  const std::size_t by_work = units * cost / kElementsPerTask;
  const int tasks = static_cast<int>(std::max<std::size_t>(1, std::min<std::size_t>(
      {static_cast<std::size_t>(thread_count()), by_work, units})));
  if (tasks == 1) {
    body(std::size_t{0}, total);
    return;
  }
  parallel_for(tasks, [&](int task) {
    const std::size_t begin = std::min(total, units * static_cast<std::size_t>(task) / tasks * align);
    const std::size_t end = std::min(total, units * static_cast<std::size_t>(task + 1) / tasks * align);
    body(begin, end);
  });
}

// Ranges of elements split on SIMD-width boundaries, so only the last range has a tail.
template <class Arch, class Body>
void split_elements(std::size_t n, const Body& body) {
  split_across_pool(n, xsimd::batch<float, Arch>::size, 1, body);
}

// Ranges of rows of `cols` elements each.
template <class Body>
void split_rows(int rows, int cols, const Body& body) {
  split_across_pool(static_cast<std::size_t>(rows), 1, static_cast<std::size_t>(cols),
                    [&](std::size_t begin, std::size_t end) { body(static_cast<int>(begin), static_cast<int>(end)); });
}

// y = op(x) over [0, n) on the calling thread.
template <class Arch, class Op>
void map_unary_serial(float* y, const float* x, std::size_t n, Op op) {
  for_each_batch<Arch>(n, [&](std::size_t i, std::size_t count) {
    store_partial<Arch>(y + i, op(load_partial<Arch>(x + i, count)), count);
  });
}

template <class Arch, class Op>
void map_unary(float* y, const float* x, std::size_t n, Op op) {
  split_elements<Arch>(n, [&](std::size_t begin, std::size_t end) {
    map_unary_serial<Arch>(y + begin, x + begin, end - begin, op);
  });
}

template <class Arch, class Op>
void map_binary(float* y, const float* a, const float* b, std::size_t n, Op op) {
  split_elements<Arch>(n, [&](std::size_t begin, std::size_t end) {
    for_each_batch<Arch>(end - begin, [&](std::size_t i, std::size_t count) {
      const std::size_t at = begin + i;
      store_partial<Arch>(y + at, op(load_partial<Arch>(a + at, count), load_partial<Arch>(b + at, count)), count);
    });
  });
}

template <class Arch>
float sum_of(const float* x, std::size_t n) {
  using Batch = xsimd::batch<float, Arch>;
  Batch acc(0.0f);
  for_each_batch<Arch>(n, [&](std::size_t i, std::size_t count) { acc += load_partial<Arch>(x + i, count); });
  return xsimd::hadd(acc);
}

}  // namespace

template <class Arch>
void ArchKernels<Arch>::gelu(float* y, const float* x, std::size_t n) {
  using Batch = xsimd::batch<float, Arch>;
  map_unary<Arch>(y, x, n, [](Batch v) { return v / (Batch(1.0f) + exp_of_minus_gelu_arg<Arch>(v)); });
}

template <class Arch>
void ArchKernels<Arch>::gelu_backward(float* dx, const float* dy, const float* x, std::size_t n) {
  using Batch = xsimd::batch<float, Arch>;
  map_binary<Arch>(dx, dy, x, n, [](Batch grad, Batch v) {
    // d/dx[x·σ(αx)] = σ + αx·σ·(1 − σ), with 1 − σ = e·σ: no cancellation near σ ≈ 1.
    const Batch e = exp_of_minus_gelu_arg<Arch>(v);
    const Batch s = Batch(1.0f) / (Batch(1.0f) + e);
    return grad * s * xsimd::fma(Batch(kGeluAlpha) * v, e * s, Batch(1.0f));
  });
}

template <class Arch>
void ArchKernels<Arch>::exp(float* y, const float* x, std::size_t n) {
  map_unary<Arch>(y, x, n, [](auto v) { return exp_batch<Arch>(v); });
}

template <class Arch>
void ArchKernels<Arch>::softmax(float* y, const float* x, int rows, int cols, const int* valid_cols) {
  using Batch = xsimd::batch<float, Arch>;
  split_rows(rows, cols, [&](int row_begin, int row_end) {
    for (int r = row_begin; r < row_end; ++r) {
      const float* in = x + static_cast<std::ptrdiff_t>(r) * cols;
      float* out = y + static_cast<std::ptrdiff_t>(r) * cols;
      const auto valid = static_cast<std::size_t>(valid_cols ? valid_cols[r] : cols);

      Batch running_max(-INFINITY);
      for_each_batch<Arch>(valid, [&](std::size_t i, std::size_t count) {
        running_max = xsimd::max(running_max, load_partial<Arch>(in + i, count, -INFINITY));
      });
      const Batch row_max(horizontal_max<Arch>(running_max));

      // Exponentials are written and summed in one pass; padding lanes hold
      // -inf so they contribute exp(-inf) = 0.
      Batch running_sum(0.0f);
      for_each_batch<Arch>(valid, [&](std::size_t i, std::size_t count) {
        const Batch e = exp_without_overflow<Arch>(load_partial<Arch>(in + i, count, -INFINITY) - row_max);
        store_partial<Arch>(out + i, e, count);
        running_sum += e;
      });
      const Batch inverse_sum(1.0f / xsimd::hadd(running_sum));
      map_unary_serial<Arch>(out, out, valid, [&](Batch e) { return e * inverse_sum; });
      for (auto j = valid; j < static_cast<std::size_t>(cols); ++j) out[j] = 0.0f;
    }
  });
}

template <class Arch>
void ArchKernels<Arch>::layernorm(float* y, const float* x, const float* gain, const float* bias,
                                  int rows, int cols) {
  using Batch = xsimd::batch<float, Arch>;
  const auto width = static_cast<std::size_t>(cols);
  split_rows(rows, cols, [&](int row_begin, int row_end) {
    for (int r = row_begin; r < row_end; ++r) {
      const float* in = x + static_cast<std::ptrdiff_t>(r) * cols;
      float* out = y + static_cast<std::ptrdiff_t>(r) * cols;
      const float mean_value = sum_of<Arch>(in, width) / static_cast<float>(cols);
      const Batch mean(mean_value);

      // Two passes (mean, then squared deviations) keep the variance accurate
      // when |mean| is large relative to the spread. Padding lanes load the mean
      // itself, so they centre to 0 and add nothing.
      Batch squares(0.0f);
      for_each_batch<Arch>(width, [&](std::size_t i, std::size_t count) {
        const Batch centred = load_partial<Arch>(in + i, count, mean_value) - mean;
        squares = xsimd::fma(centred, centred, squares);
      });
      const float variance = xsimd::hadd(squares) / static_cast<float>(cols);
      const Batch inv_std(1.0f / std::sqrt(variance + kLayerNormEps));

      for_each_batch<Arch>(width, [&](std::size_t i, std::size_t count) {
        const Batch normalised = (load_partial<Arch>(in + i, count) - mean) * inv_std;
        store_partial<Arch>(
            out + i, xsimd::fma(normalised, load_partial<Arch>(gain + i, count), load_partial<Arch>(bias + i, count)),
            count);
      });
    }
  });
}

template <class Arch>
void ArchKernels<Arch>::add(float* y, const float* a, const float* b, std::size_t n) {
  map_binary<Arch>(y, a, b, n, [](auto u, auto v) { return u + v; });
}

template <class Arch>
void ArchKernels<Arch>::mul(float* y, const float* a, const float* b, std::size_t n) {
  map_binary<Arch>(y, a, b, n, [](auto u, auto v) { return u * v; });
}

template <class Arch>
void ArchKernels<Arch>::scale(float* y, const float* x, float factor, std::size_t n) {
  using Batch = xsimd::batch<float, Arch>;
  const Batch factor_batch(factor);
  map_unary<Arch>(y, x, n, [&](Batch v) { return v * factor_batch; });
}

template <class Arch>
void ArchKernels<Arch>::add_broadcast_row(float* y, const float* x, const float* row, int rows, int cols) {
  split_rows(rows, cols, [&](int row_begin, int row_end) {
    for (int r = row_begin; r < row_end; ++r) {
      const std::ptrdiff_t offset = static_cast<std::ptrdiff_t>(r) * cols;
      for_each_batch<Arch>(static_cast<std::size_t>(cols), [&](std::size_t i, std::size_t count) {
        const auto sum = load_partial<Arch>(x + offset + i, count) + load_partial<Arch>(row + i, count);
        store_partial<Arch>(y + offset + i, sum, count);
      });
    }
  });
}

}  // namespace smp::kernels
