#pragma once
// Rows of a row-major operand read in place through one pointer, at a row
// stride fixed at compile time: each row sits at a constant displacement
// from the first, so a tile that reads many rows at once needs one register
// for them, not one each. With 14 rows of A (the zmm GEMM tile) or 16 rows
// of B (the zmm single-row dot tile) in pointers, GCC kept only some in
// registers and reloaded the rest from the stack at every step of k.
// On an Intel Xeon (family 6 model 167, one thread): the Medium and Small
// full-context generations (d = 256 and 128) ran 3 % and 2 % faster, 22.50 ms
// against 23.03 and 2.40 against 2.46 (medians of 20 alternated pairs), and
// 1x256x768 A·Bᵀ at 1.33–1.35x OpenBLAS's sgemv against 1.29–1.30 (kernel
// bench, 4 alternated runs each).
#include <cstddef>
#include <utility>

// Anonymous namespace: ISA code must not leak across translation units (arch_kernels.hpp).
namespace smp::kernels {
namespace {

// Only whole rows are read: a tile must not reach past the matrix's last row.
template <int Stride>
struct StridedRows {
  const float* first_row;
  const float* operator[](int row) const { return first_row + row * Stride; }
  float at(int row, int p) const { return first_row[row * Stride + p]; }
};

// The strides compiled in: the power-of-two widths of transformer layers, d and 4·d.
using StridedRowWidths = std::integer_sequence<int, 64, 128, 256, 512, 1024, 2048, 4096>;

// Calls call(StridedRows<row_stride>{first_row}) and returns true when
// row_stride is one of StridedRowWidths; returns false otherwise. A tile that
// keeps its row pointers in registers passes Enabled = false: it then gets no
// strided instances and always reads through its pointers.
template <bool Enabled, class Call>
bool with_strided_rows(const float* first_row, std::ptrdiff_t row_stride, Call&& call) {
  if constexpr (!Enabled) {
    return false;
  } else {
    return [&]<int... Widths>(std::integer_sequence<int, Widths...>) {
      return ((row_stride == Widths ? (call(StridedRows<Widths>{first_row}), true) : false) || ...);
    }(StridedRowWidths{});
  }
}

}  // namespace
}  // namespace smp::kernels
