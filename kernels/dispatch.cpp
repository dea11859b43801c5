// Public kernel entry points: each forwards to ArchKernels<Arch> through
// xsimd::dispatch over the ISA list allowed by the current selection (isa.hpp).
#include <cstddef>

#include "kernels/arch/arch_kernels.hpp"
#include "kernels/isa.hpp"
#include "kernels/kernels.hpp"

namespace smp::kernels {
namespace {

template <class Call, class... Args>
void run(Call call, Args... args) {
  if (active_isa() == Isa::avx2_fma) {
    xsimd::dispatch<xsimd::arch_list<Avx2Fma, Sse42>>(call)(args...);
  } else {
    xsimd::dispatch<xsimd::arch_list<Sse42>>(call)(args...);
  }
}

// Every public kernel is a call of one ArchKernels member; this names it once.
#define SMP_ARCH_CALL(member) \
  [](auto arch, auto... arch_args) { ArchKernels<decltype(arch)>::member(arch_args...); }

void gemm(const GemmArgs& args) { run(SMP_ARCH_CALL(gemm), args); }

}  // namespace

void matmul(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  gemm({.c = c, .a = a, .a_row = k, .a_col = 1, .b = b, .b_row = n, .b_col = 1, .bias = bias,
        .m = m, .k = k, .n = n});
}

void matmul_bt(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  gemm({.c = c, .a = a, .a_row = k, .a_col = 1, .b = b, .b_row = 1, .b_col = k, .bias = bias,
        .m = m, .k = k, .n = n});
}

void matmul_bt_gelu(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  gemm({.c = c, .a = a, .a_row = k, .a_col = 1, .b = b, .b_row = 1, .b_col = k, .bias = bias, .gelu = true,
        .m = m, .k = k, .n = n});
}

void matmul_bt_residual(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  gemm({.c = c, .a = a, .a_row = k, .a_col = 1, .b = b, .b_row = 1, .b_col = k, .bias = bias,
        .accumulate = true, .m = m, .k = k, .n = n});
}

void matmul_at_accumulate(float* c, const float* a, const float* b, int m, int k, int n) {
  gemm({.c = c, .a = a, .a_row = 1, .a_col = m, .b = b, .b_row = n, .b_col = 1,
        .accumulate = true, .m = m, .k = k, .n = n});
}

void matmul_bt_accumulate(float* c, const float* a, const float* b, int m, int k, int n) {
  gemm({.c = c, .a = a, .a_row = k, .a_col = 1, .b = b, .b_row = 1, .b_col = k,
        .accumulate = true, .m = m, .k = k, .n = n});
}

void gelu(float* y, const float* x, std::size_t n) { run(SMP_ARCH_CALL(gelu), y, x, n); }

void gelu_backward(float* dx, const float* dy, const float* x, std::size_t n) {
  run(SMP_ARCH_CALL(gelu_backward), dx, dy, x, n);
}

void gelu_erf(float* y, const float* x, std::size_t n) { run(SMP_ARCH_CALL(gelu_erf), y, x, n); }

void exp(float* y, const float* x, std::size_t n) { run(SMP_ARCH_CALL(exp), y, x, n); }

void softmax(float* y, const float* x, int rows, int cols, const int* valid_cols) {
  run(SMP_ARCH_CALL(softmax), y, x, rows, cols, valid_cols);
}

void layernorm(float* y, const float* x, const float* gain, const float* bias, int rows, int cols) {
  run(SMP_ARCH_CALL(layernorm), y, x, gain, bias, rows, cols);
}

void add(float* y, const float* a, const float* b, std::size_t n) { run(SMP_ARCH_CALL(add), y, a, b, n); }

void mul(float* y, const float* a, const float* b, std::size_t n) { run(SMP_ARCH_CALL(mul), y, a, b, n); }

void scale(float* y, const float* x, float factor, std::size_t n) {
  run(SMP_ARCH_CALL(scale), y, x, factor, n);
}

void add_broadcast_row(float* y, const float* x, const float* row, int rows, int cols) {
  run(SMP_ARCH_CALL(add_broadcast_row), y, x, row, rows, cols);
}

}  // namespace smp::kernels
