// Public kernel entry points: each forwards to ArchKernels<Arch> of the
// active path (isa.hpp) through the one dispatch helper, on_isa (archs.hpp).
#include <cstddef>

#include "kernels/arch/arch_kernels.hpp"
#include "kernels/isa.hpp"
#include "kernels/kernels.hpp"
#include "kernels/packed_weight.hpp"

namespace smp::kernels {
namespace {

void gemm(const GemmArgs& args) {
  on_isa(active_isa(), [&](auto arch) { ArchKernels<decltype(arch)>::gemm(args); });
}

// C = A·Bᵀ (+ bias) with B [n, k]: a Linear layer.
GemmArgs linear(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  return {.c = c, .a = a, .a_row = k, .a_col = 1, .b = b, .b_row = 1, .b_col = k, .bias = bias,
          .m = m, .k = k, .n = n};
}

GemmArgs linear(float* c, const float* a, const PackedWeight& b, const float* bias, int m) {
  GemmArgs args = linear(c, a, b.weight(), bias, m, b.cols(), b.rows());
  args.packed_b = b.panels_for(active_isa());
  args.packed_b_streams = b.residency() == WeightResidency::streamed;
  return args;
}

GemmArgs with_gelu(GemmArgs args) {
  args.gelu = true;
  return args;
}

GemmArgs accumulating(GemmArgs args) {
  args.accumulate = true;
  return args;
}

}  // namespace

#define SMP_FORWARD_KERNEL(name, parameters, arguments) \
  void name parameters {                                \
    on_isa(active_isa(), [&](auto arch) { ArchKernels<decltype(arch)>::name arguments; }); \
  }
SMP_KERNEL_LIST(SMP_FORWARD_KERNEL)
#undef SMP_FORWARD_KERNEL

void matmul(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  gemm({.c = c, .a = a, .a_row = k, .a_col = 1, .b = b, .b_row = n, .b_col = 1, .bias = bias,
        .m = m, .k = k, .n = n});
}

void matmul_bt(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  gemm(linear(c, a, b, bias, m, k, n));
}

void matmul_bt_gelu(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  gemm(with_gelu(linear(c, a, b, bias, m, k, n)));
}

void matmul_bt_residual(float* c, const float* a, const float* b, const float* bias, int m, int k, int n) {
  gemm(accumulating(linear(c, a, b, bias, m, k, n)));
}

void matmul_bt(float* c, const float* a, const PackedWeight& b, const float* bias, int m) {
  gemm(linear(c, a, b, bias, m));
}

void matmul_bt_gelu(float* c, const float* a, const PackedWeight& b, const float* bias, int m) {
  gemm(with_gelu(linear(c, a, b, bias, m)));
}

void matmul_bt_residual(float* c, const float* a, const PackedWeight& b, const float* bias, int m) {
  gemm(accumulating(linear(c, a, b, bias, m)));
}

void matmul_at_accumulate(float* c, const float* a, const float* b, int m, int k, int n) {
  gemm({.c = c, .a = a, .a_row = 1, .a_col = m, .b = b, .b_row = n, .b_col = 1,
        .accumulate = true, .m = m, .k = k, .n = n});
}

void matmul_bt_accumulate(float* c, const float* a, const float* b, int m, int k, int n) {
  gemm(accumulating(linear(c, a, b, nullptr, m, k, n)));
}

}  // namespace smp::kernels
