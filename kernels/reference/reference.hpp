#pragma once
// Plain scalar kernels: the truth every SIMD path is tested against. Same
// signatures and semantics as kernels.hpp (exp: the kernels' internal
// exp_batch); clarity over speed.
#include <cstddef>

namespace smp::kernels::reference {

void matmul(float* c, const float* a, const float* b, const float* bias, int m, int k, int n);
void matmul_bt(float* c, const float* a, const float* b, const float* bias, int m, int k, int n);
void matmul_bt_gelu(float* c, const float* a, const float* b, const float* bias, int m, int k, int n);
void matmul_bt_residual(float* c, const float* a, const float* b, const float* bias, int m, int k, int n);
void matmul_at_accumulate(float* c, const float* a, const float* b, int m, int k, int n);
void matmul_bt_accumulate(float* c, const float* a, const float* b, int m, int k, int n);

float gelu_scalar(float x);
float gelu_grad_scalar(float x);
void gelu(float* y, const float* x, std::size_t n);
void gelu_backward(float* dx, const float* dy, const float* x, std::size_t n);
void exp(float* y, const float* x, std::size_t n);
void softmax(float* y, const float* x, int rows, int cols, const int* valid_cols = nullptr);
void layernorm(float* y, const float* x, const float* gain, const float* bias, int rows, int cols);
void add(float* y, const float* a, const float* b, std::size_t n);
void mul(float* y, const float* a, const float* b, std::size_t n);
void scale(float* y, const float* x, float factor, std::size_t n);
void add_broadcast_row(float* y, const float* x, const float* row, int rows, int cols);

}  // namespace smp::kernels::reference
