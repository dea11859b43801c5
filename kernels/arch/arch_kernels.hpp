#pragma once
// The per-architecture kernel set. Bodies live in *_impl.hpp and are compiled
// only in arch_avx2.cpp / arch_sse42.cpp with their own -m flags; everything
// else sees these declarations and the explicit-instantiation promises below.
#include <cstddef>

#include <xsimd/xsimd.hpp>

#include "kernels/gemm/args.hpp"

namespace smp::kernels {

using Avx2Fma = xsimd::fma3<xsimd::avx2>;
using Sse42 = xsimd::sse4_2;

template <class Arch>
struct ArchKernels {
  static void gemm(const GemmArgs& args);
  static void gelu(float* y, const float* x, std::size_t n);
  static void gelu_backward(float* dx, const float* dy, const float* x, std::size_t n);
  static void gelu_erf(float* y, const float* x, std::size_t n);
  static void exp(float* y, const float* x, std::size_t n);
  static void softmax(float* y, const float* x, int rows, int cols, const int* valid_cols);
  static void layernorm(float* y, const float* x, const float* gain, const float* bias, int rows,
                        int cols);
  static void add(float* y, const float* a, const float* b, std::size_t n);
  static void mul(float* y, const float* a, const float* b, std::size_t n);
  static void scale(float* y, const float* x, float factor, std::size_t n);
  static void add_broadcast_row(float* y, const float* x, const float* row, int rows, int cols);
};

extern template struct ArchKernels<Avx2Fma>;
extern template struct ArchKernels<Sse42>;

}  // namespace smp::kernels
