#pragma once
// The per-architecture kernel set. Bodies live in gemm/ and eltwise/ *_impl.hpp
// and are compiled only in the arch/<platform>/arch_*.cpp files with their own ISA flags;
// everything else sees these declarations and the explicit-instantiation
// promises below.
//
// SMP_KERNEL_LIST is the one list of dispatched kernels: name, parameters,
// arguments. Each entry becomes a member here, typed from its declaration in
// kernels.hpp (so the two cannot drift apart), and a public function in
// dispatch.cpp that forwards to the active path. A new kernel is its
// declaration in kernels.hpp, one line here, and its body.
//
// Kernel headers put everything in an anonymous namespace: each arch TU
// compiles the same templates with different ISA flags, and names with
// linkage would let the linker keep one TU's (say AVX-512) copy for all of
// them, an ODR violation that crashes CPUs without those instructions.
#include <cstddef>

#include "kernels/arch/archs.hpp"
#include "kernels/gemm/args.hpp"
#include "kernels/kernels.hpp"

#define SMP_KERNEL_LIST(X)                                                                                    \
  X(gelu, (float* y, const float* x, std::size_t n), (y, x, n))                                               \
  X(gelu_backward, (float* dx, const float* dy, const float* x, std::size_t n), (dx, dy, x, n))               \
  X(softmax, (float* y, const float* x, int rows, int cols, const int* valid_cols), (y, x, rows, cols, valid_cols)) \
  X(layernorm, (float* y, const float* x, const float* gain, const float* bias, int rows, int cols),          \
    (y, x, gain, bias, rows, cols))                                                                           \
  X(add, (float* y, const float* a, const float* b, std::size_t n), (y, a, b, n))                             \
  X(mul, (float* y, const float* a, const float* b, std::size_t n), (y, a, b, n))                             \
  X(scale, (float* y, const float* x, float factor, std::size_t n), (y, x, factor, n))                        \
  X(add_broadcast_row, (float* y, const float* x, const float* row, int rows, int cols), (y, x, row, rows, cols))

namespace smp::kernels {

template <class Arch>
struct ArchKernels {
#define SMP_DECLARE_KERNEL(name, parameters, arguments) static decltype(::smp::kernels::name) name;
  SMP_KERNEL_LIST(SMP_DECLARE_KERNEL)
#undef SMP_DECLARE_KERNEL

  // Every matmul variant of kernels.hpp is one GemmArgs description.
  static void gemm(const GemmArgs& args);
  // B [n, k] (a Linear layer's weight) packed whole for GemmArgs::packed_b:
  // the buffer size in floats, and the packing.
  static std::size_t packed_b_floats(int k, int n);
  static void pack_b_panels(float* panels, const float* b, int k, int n);
  // exp_batch over an array: not public (the model uses exp only inside
  // softmax and GELU); the tests measure its accuracy through it.
  static void exp(float* y, const float* x, std::size_t n);
};

#define SMP_PROMISE_ARCH_KERNELS(Arch) extern template struct ArchKernels<Arch>;
SMP_FOR_EACH_KERNEL_ARCH(SMP_PROMISE_ARCH_KERNELS)
#undef SMP_PROMISE_ARCH_KERNELS

}  // namespace smp::kernels
