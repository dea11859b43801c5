#pragma once
// Public kernel API. Every signature is outputs first, then inputs, then shapes.
// All matrices are row-major float32. The SIMD path is chosen at run time
// (see isa.hpp); reference.hpp holds the scalar truth each kernel is tested against.
// Element-wise and row-wise kernels may run in place (output == an input): each
// element is read before it is written. Matmul outputs must not alias inputs.
#include <cstddef>

namespace smp::kernels {

class PackedWeight;  // packed_weight.hpp

// Threads the kernels may use (the caller plus threads-1 parked workers).
// Default 1, so figures are reproducible; results do not depend on it (GEMM
// splits C into disjoint blocks, element-wise and row-wise kernels split into
// disjoint ranges, all with the same per-element arithmetic). Not to
// be called while another thread is inside a kernel. Throws
// std::invalid_argument for threads < 1.
void set_thread_count(int threads);
int thread_count();

// C[m,n] = A[m,k] · B[k,n] (+ bias[n] when bias != nullptr). C is overwritten.
void matmul(float* c, const float* a, const float* b, const float* bias, int m, int k, int n);

// C[m,n] = A[m,k] · Bᵀ where B is [n,k] (a Linear layer's weight stored [out,in]),
// plus bias[n] when given. C is overwritten.
void matmul_bt(float* c, const float* a, const float* b, const float* bias, int m, int k, int n);

// Fused forms of a Linear layer that save a pass over C:
// C[m,n] = gelu(A[m,k] · Bᵀ + bias), B [n,k], the GELU of gelu() below (MLP up-projection).
void matmul_bt_gelu(float* c, const float* a, const float* b, const float* bias, int m, int k, int n);
// C[m,n] += A[m,k] · Bᵀ + bias, B [n,k]: C is the residual stream taking a branch's output.
void matmul_bt_residual(float* c, const float* a, const float* b, const float* bias, int m, int k, int n);

// The same three with B packed ahead (k and n are B's): the same bits, without
// the per-call copy of B where the shape would make one.
void matmul_bt(float* c, const float* a, const PackedWeight& b, const float* bias, int m);
void matmul_bt_gelu(float* c, const float* a, const PackedWeight& b, const float* bias, int m);
void matmul_bt_residual(float* c, const float* a, const PackedWeight& b, const float* bias, int m);

// C[m,n] += Aᵀ · B where A is [k,m] and B is [k,n] (weight gradients accumulate).
void matmul_at_accumulate(float* c, const float* a, const float* b, int m, int k, int n);

// C[m,n] += A[m,k] · Bᵀ where B is [n,k] (input gradients accumulate).
void matmul_bt_accumulate(float* c, const float* a, const float* b, int m, int k, int n);

// SmallMind's GELU: y = x · σ(1.702·x), with the σ argument clamped to ±20.
void gelu(float* y, const float* x, std::size_t n);
// dx = dy · d/dx[x · σ(1.702·x)].
void gelu_backward(float* dx, const float* dy, const float* x, std::size_t n);

// Row-wise numerically stable softmax of x[rows, cols] into y. When
// valid_cols != nullptr, row r uses only its first valid_cols[r] entries and
// writes zeros after them (causal attention).
void softmax(float* y, const float* x, int rows, int cols, const int* valid_cols = nullptr);

// y[rows, cols] = (x - mean) / sqrt(var + eps) · gain + bias, per row.
inline constexpr float kLayerNormEps = 1e-5f;
void layernorm(float* y, const float* x, const float* gain, const float* bias, int rows, int cols);

void add(float* y, const float* a, const float* b, std::size_t n);      // y = a + b
void mul(float* y, const float* a, const float* b, std::size_t n);      // y = a ⊙ b
void scale(float* y, const float* x, float factor, std::size_t n);      // y = factor · x
// y[rows, cols] = x[rows, cols] + row[cols] broadcast over rows.
void add_broadcast_row(float* y, const float* x, const float* row, int rows, int cols);

}  // namespace smp::kernels
