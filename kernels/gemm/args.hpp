#pragma once
// One description covers every matmul variant: op(A) and op(B) are read
// through strides, so transposes cost nothing but a different packing walk.
#include <cstddef>

namespace smp::kernels {

struct GemmArgs {
  float* c = nullptr;            // [m, n] row-major, leading dimension n
  const float* a = nullptr;      // op(A)(i, p) = a[i * a_row + p * a_col]
  std::ptrdiff_t a_row = 0;
  std::ptrdiff_t a_col = 0;
  const float* b = nullptr;      // op(B)(p, j) = b[p * b_row + j * b_col]
  std::ptrdiff_t b_row = 0;
  std::ptrdiff_t b_col = 0;
  // op(B) already packed whole for this arch (pack_b_panels in gemm_impl.hpp),
  // read by the blocked path instead of packing b; nullptr: pack per call.
  const float* packed_b = nullptr;
  bool packed_b_streams = false;  // packed_b is read from beyond L2 (WeightResidency::streamed)
  const float* bias = nullptr;   // [n], added once; nullptr for none
  bool accumulate = false;       // C += op(A)·op(B) (+ bias) instead of C = …
  bool gelu = false;             // epilogue: C = gelu(C) once the products are in
  int m = 0;
  int k = 0;
  int n = 0;
};

}  // namespace smp::kernels
