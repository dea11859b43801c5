#pragma once
// Packing for the blocked GEMM: copies a block of op(A) or op(B) into the
// order the micro-kernel streams it, zero-padding short slivers so edge tiles
// run the same micro-kernel.
#include <algorithm>
#include <cstddef>

namespace smp::kernels {
namespace {

// Rows [0, mc) x cols [0, kc) of op(A) (already offset) into MR-row slivers:
// sliver s holds, for each p, MR consecutive values.
template <int Mr>
void pack_a(float* packed, const float* a, std::ptrdiff_t a_row, std::ptrdiff_t a_col, int mc, int kc) {
  for (int i0 = 0; i0 < mc; i0 += Mr) {
    const int rows = std::min(Mr, mc - i0);
    for (int p = 0; p < kc; ++p) {
      const float* column = a + i0 * a_row + p * a_col;
      for (int i = 0; i < rows; ++i) packed[i] = column[i * a_row];
      for (int i = rows; i < Mr; ++i) packed[i] = 0.0f;
      packed += Mr;
    }
  }
}

// Rows [0, kc) x cols [0, nc) of op(B) into NR-column slivers of kc·NR floats.
template <int Nr>
void pack_b(float* packed, const float* b, std::ptrdiff_t b_row, std::ptrdiff_t b_col, int kc, int nc) {
  for (int j0 = 0; j0 < nc; j0 += Nr) {
    const int cols = std::min(Nr, nc - j0);
    if (b_col == 1) {
      // Row-major B: each sliver row is a contiguous run.
      for (int p = 0; p < kc; ++p) {
        const float* source = b + p * b_row + j0;
        float* target = packed + p * Nr;
        for (int j = 0; j < cols; ++j) target[j] = source[j];
        for (int j = cols; j < Nr; ++j) target[j] = 0.0f;
      }
    } else {
      // Transposed B: walk each source column contiguously along k.
      for (int j = 0; j < Nr; ++j) {
        const float* source = b + (j0 + j) * b_col;
        for (int p = 0; p < kc; ++p) packed[p * Nr + j] = j < cols ? source[p * b_row] : 0.0f;
      }
    }
    packed += kc * Nr;
  }
}

}  // namespace
}  // namespace smp::kernels
