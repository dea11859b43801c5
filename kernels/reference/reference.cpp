#include "kernels/reference/reference.hpp"

#include <algorithm>
#include <cmath>

namespace smp::kernels::reference {
namespace {

constexpr float kGeluAlpha = 1.702f;
constexpr float kSigmoidClamp = 20.0f;

// The reference evaluates in double so it is the truth the float kernels are measured against.
double clamped_gelu_arg(float x) {
  return std::clamp(double(kGeluAlpha) * x, -double(kSigmoidClamp), double(kSigmoidClamp));
}

// Shared body of the four matmul variants: element (i,p) of op(A) sits at
// a[i*a_row + p*a_col], element (p,j) of op(B) at b[p*b_row + j*b_col].
void matmul_strided(float* c, const float* a, std::ptrdiff_t a_row, std::ptrdiff_t a_col,
                    const float* b, std::ptrdiff_t b_row, std::ptrdiff_t b_col, const float* bias,
                    bool accumulate, int m, int k, int n) {
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      double sum = bias ? bias[j] : 0.0;
      for (int p = 0; p < k; ++p) {
        sum += static_cast<double>(a[i * a_row + p * a_col]) * b[p * b_row + j * b_col];
      }
      float& out = c[static_cast<std::ptrdiff_t>(i) * n + j];
      out = accumulate ? out + static_cast<float>(sum) : static_cast<float>(sum);
    }
  }
}

}  // namespace

void matmul(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  matmul_strided(c, a, k, 1, b, n, 1, bias, false, m, k, n);
}

void matmul_bt(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  matmul_strided(c, a, k, 1, b, 1, k, bias, false, m, k, n);
}

void matmul_bt_gelu(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  matmul_bt(c, a, b, bias, m, k, n);
  gelu(c, c, static_cast<std::size_t>(m) * static_cast<std::size_t>(n));
}

void matmul_bt_residual(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  matmul_strided(c, a, k, 1, b, 1, k, bias, true, m, k, n);
}

void matmul_at_accumulate(float* c, const float* a, const float* b, int m, int k, int n) {
  matmul_strided(c, a, 1, m, b, n, 1, nullptr, true, m, k, n);
}

void matmul_bt_accumulate(float* c, const float* a, const float* b, int m, int k, int n) {
  matmul_strided(c, a, k, 1, b, 1, k, nullptr, true, m, k, n);
}

float gelu_scalar(float x) {
  return static_cast<float>(x / (1.0 + std::exp(-clamped_gelu_arg(x))));
}

float gelu_grad_scalar(float x) {
  const double s = 1.0 / (1.0 + std::exp(-clamped_gelu_arg(x)));
  return static_cast<float>(s + x * double(kGeluAlpha) * s * (1.0 - s));
}

void gelu(float* y, const float* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] = gelu_scalar(x[i]);
}

void gelu_backward(float* dx, const float* dy, const float* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) dx[i] = dy[i] * gelu_grad_scalar(x[i]);
}

void exp(float* y, const float* x, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] = std::exp(x[i]);
}

void softmax(float* y, const float* x, int rows, int cols, const int* valid_cols) {
  for (int r = 0; r < rows; ++r) {
    const float* in = x + static_cast<std::ptrdiff_t>(r) * cols;
    float* out = y + static_cast<std::ptrdiff_t>(r) * cols;
    const int valid = valid_cols ? valid_cols[r] : cols;
    float max_value = -INFINITY;
    for (int j = 0; j < valid; ++j) max_value = std::max(max_value, in[j]);
    double sum = 0.0;
    for (int j = 0; j < valid; ++j) sum += std::exp(static_cast<double>(in[j] - max_value));
    for (int j = 0; j < valid; ++j) {
      out[j] = static_cast<float>(std::exp(static_cast<double>(in[j] - max_value)) / sum);
    }
    for (int j = valid; j < cols; ++j) out[j] = 0.0f;
  }
}

void layernorm(float* y, const float* x, const float* gain, const float* bias, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    const float* in = x + static_cast<std::ptrdiff_t>(r) * cols;
    float* out = y + static_cast<std::ptrdiff_t>(r) * cols;
    double mean = 0.0;
    for (int j = 0; j < cols; ++j) mean += in[j];
    mean /= cols;
    double var = 0.0;
    for (int j = 0; j < cols; ++j) var += (in[j] - mean) * (in[j] - mean);
    var /= cols;
    const double inv_std = 1.0 / std::sqrt(var + 1e-5);
    for (int j = 0; j < cols; ++j) {
      out[j] = static_cast<float>((in[j] - mean) * inv_std * gain[j] + bias[j]);
    }
  }
}

void add(float* y, const float* a, const float* b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] = a[i] + b[i];
}

void mul(float* y, const float* a, const float* b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] = a[i] * b[i];
}

void scale(float* y, const float* x, float factor, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) y[i] = factor * x[i];
}

void add_broadcast_row(float* y, const float* x, const float* row, int rows, int cols) {
  for (int r = 0; r < rows; ++r) {
    for (int j = 0; j < cols; ++j) {
      const std::ptrdiff_t at = static_cast<std::ptrdiff_t>(r) * cols + j;
      y[at] = x[at] + row[j];
    }
  }
}

}  // namespace smp::kernels::reference
