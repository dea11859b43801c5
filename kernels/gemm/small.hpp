#pragma once
// GEMM paths for small M (decode steps, short sequences) that skip packing.
// With few rows of A, each element of B is used only a few times, so copying B
// into panels would cost about as much as the arithmetic; these paths read A
// and B where they lie.
//
//   dot_columns:  C += A·Bᵀ with both A and B contiguous along k (the model's
//                 Linear with weight [out,in]). Each element of C is a dot
//                 product; a tile of ROWS x COLS of them is accumulated along
//                 k in SIMD lanes and reduced at the end (one sum_each per
//                 SIMD-width of results).
//   gemv_columns: C[1,n] += a[k] · B[k,n] with B row-major: C += a[p]·B[p,:]
//                 a few rows of B at a time, B read once, in order.
//
// Both work on a column range [j_begin, j_end) of C so threads can split them.
// The value of each element of C depends only on its own row of A and column
// of B, never on where tiles fall, so any split gives the same bits.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include <xsimd/xsimd.hpp>

#include "kernels/eltwise/batch_loop.hpp"
#include "kernels/gemm/args.hpp"
#include "kernels/gemm/row_stride.hpp"

// Anonymous namespace: ISA code must not leak across translation units (arch_kernels.hpp).
namespace smp::kernels {
namespace {

// Floats of k a dot tile takes first, as one partial batch, so that every
// later load of a row of B is aligned: a load that straddles two cache lines
// costs two, which halves the rate at which B streams from L2 (Intel Xeon,
// one thread, 1x256x768 A·Bᵀ with B 16 bytes past a cache line: 40 GFLOPS
// unaligned against 66 aligned). Every row of B shares the first one's
// alignment only when b_col is a multiple of the batch width; otherwise 0.
template <class Arch>
int aligning_head(const GemmArgs& args) {
  constexpr std::size_t width = xsimd::batch<float, Arch>::size;
  const auto address = reinterpret_cast<std::uintptr_t>(args.b);
  if (args.b_col % static_cast<std::ptrdiff_t>(width) != 0 || address % sizeof(float) != 0) return 0;
  const std::size_t past_boundary = address / sizeof(float) % width;
  if (past_boundary == 0) return 0;
  return static_cast<int>(std::min<std::size_t>(width - past_boundary, static_cast<std::size_t>(args.k)));
}

// sums[i·Cols + j] = Σ_p a_rows[i][p] · b_rows[j][p] over p in [0, k): full
// batches from `head` on, then the k tail. The head and the tail are a masked
// batch where the path has masked loads; elsewhere scalar products, since a
// batch gathered through a stack buffer stalls on store forwarding.
// b_rows[j]: row j of B, from an array of pointers or StridedRows.
template <class Arch, int Rows, int Cols, class BRows>
void dot_tile(float* sums, const float* const* a_rows, const BRows& b_rows, int k, int head) {
  using Batch = xsimd::batch<float, Arch>;
  constexpr int width = static_cast<int>(Batch::size);
  constexpr int count = Rows * Cols;
  constexpr bool masked = IsaExtras<Arch>::masked_tails;
  // sum_each reduces `width` accumulators at once; a tile with fewer reduces each on its own.
  constexpr bool grouped = count >= width;
  constexpr int padded = grouped ? (count + width - 1) / width * width : count;
  Batch acc[padded];
  for (Batch& value : acc) value = Batch(0.0f);

  // One step of k across the tile, each batch read by `load`.
  const auto add = [&](int p, const auto& load) {
    Batch a[Rows];
    for (int i = 0; i < Rows; ++i) a[i] = load(a_rows[i] + p);
    for (int j = 0; j < Cols; ++j) {
      const Batch b = load(b_rows[j] + p);
      for (int i = 0; i < Rows; ++i) acc[i * Cols + j] = xsimd::fma(a[i], b, acc[i * Cols + j]);
    }
  };
  const auto load_full = [](const float* src) { return Batch::load_unaligned(src); };
  const auto add_masked = [&](int p, int lanes) {
    add(p, [lanes](const float* src) { return load_partial<Arch>(src, static_cast<std::size_t>(lanes)); });
  };
  if constexpr (masked) {
    if (head > 0) add_masked(0, head);
  }
  int p = head;
  for (; p + width <= k; p += width) add(p, load_full);
  if constexpr (masked) {
    if (p < k) add_masked(p, k - p);
  }

  if constexpr (grouped) {
    for (int group = 0; group < padded; group += width) {
      IsaExtras<Arch>::sum_each(acc + group).store_unaligned(sums + group);
    }
  } else {
    for (int t = 0; t < count; ++t) sums[t] = xsimd::hadd(acc[t]);
  }
  if constexpr (!masked) {
    const auto add_scalar = [&](int from, int to) {
      for (int q = from; q < to; ++q) {
        for (int i = 0; i < Rows; ++i) {
          for (int j = 0; j < Cols; ++j) sums[i * Cols + j] += a_rows[i][q] * b_rows[j][q];
        }
      }
    };
    add_scalar(0, head);
    add_scalar(p, k);
  }
}

// Row pointers of B a dot tile keeps in registers beside its accumulators:
// AVX2's 8-column single-row tile ran its k loop without reloading any.
constexpr int kDotRowPointersInRegisters = 8;

// C[:, j_begin..j_end) += A·Bᵀ for a row-major op(A) (a_col == 1) and a
// transposed op(B) (b_row == 1, so row j of B is contiguous along k).
template <class Arch, int Rows, int Cols>
void dot_columns(const GemmArgs& args, int j_begin, int j_end) {
  constexpr int padded = Rows * Cols + static_cast<int>(xsimd::batch<float, Arch>::size);
  float sums[padded];
  const float* a_rows[Rows];
  const float* b_rows[Cols];
  // Without masked loads the head is scalar products, which cost more than
  // the split loads they avoid once each load of B feeds several rows of A
  // (Intel Xeon, 14x256x1024: 73 GFLOPS without a head, 58 with one).
  const int head = IsaExtras<Arch>::masked_tails || Rows == 1 ? aligning_head<Arch>(args) : 0;
  for (int j0 = j_begin; j0 < j_end; j0 += Cols) {
    const int cols = std::min(Cols, j_end - j0);
    // Columns past the range re-read the last valid one; their sums are dropped.
    for (int j = 0; j < Cols; ++j) b_rows[j] = args.b + std::min(j0 + j, j_end - 1) * args.b_col;
    for (int i0 = 0; i0 < args.m; i0 += Rows) {
      const int rows = std::min(Rows, args.m - i0);
      for (int i = 0; i < Rows; ++i) a_rows[i] = args.a + std::min(i0 + i, args.m - 1) * args.a_row;
      // A single row's tile of 16 zmm columns reads its rows of B through
      // one pointer where their stride allows (row_stride.hpp).
      const auto run = [&](const auto& rows_of_b) { dot_tile<Arch, Rows, Cols>(sums, a_rows, rows_of_b, args.k, head); };
      constexpr bool strided = Rows == 1 && Cols > kDotRowPointersInRegisters;
      if (!(cols == Cols && with_strided_rows<strided>(b_rows[0], args.b_col, run))) run(b_rows);
      for (int i = 0; i < rows; ++i) {
        float* c_row = args.c + static_cast<std::ptrdiff_t>(i0 + i) * args.n + j0;
        for (int j = 0; j < cols; ++j) c_row[j] += sums[i * Cols + j];
      }
    }
  }
}

// Rows of B one pass of gemv_columns folds into C: four FMAs per load and
// store of C, and four B rows streaming side by side.
constexpr int kGemvRowsPerPass = 4;

// c[0..n) += Σ_r a[r·a_step] · b[r·b_row + 0..n) over Rows consecutive rows of B,
// added in row order. Full SIMD vectors, then scalar columns.
template <class Arch, int Rows>
void gemv_rows(float* c, const float* a, std::ptrdiff_t a_step, const float* b, std::ptrdiff_t b_row, int n) {
  using Batch = xsimd::batch<float, Arch>;
  constexpr int width = static_cast<int>(Batch::size);
  Batch a_r[Rows];
  for (int r = 0; r < Rows; ++r) a_r[r] = Batch(a[r * a_step]);
  int j = 0;
  for (; j + width <= n; j += width) {
    Batch acc = Batch::load_unaligned(c + j);
    for (int r = 0; r < Rows; ++r) acc = xsimd::fma(a_r[r], Batch::load_unaligned(b + r * b_row + j), acc);
    acc.store_unaligned(c + j);
  }
  for (; j < n; ++j) {
    for (int r = 0; r < Rows; ++r) c[j] += a[r * a_step] * b[r * b_row + j];
  }
}

// Task boundaries for gemv_columns: a multiple of the SIMD width, so the
// scalar columns only ever fall at the end of C.
template <class Arch>
constexpr int gemv_column_align() {
  return static_cast<int>(xsimd::batch<float, Arch>::size);
}

// C[0, j_begin..j_end) += op(A)[0, :] · op(B) for m == 1 and a row-major op(B)
// (b_col == 1). B is walked row by row, so it streams through memory once in
// order while the slice of C stays in L1.
template <class Arch>
void gemv_columns(const GemmArgs& args, int j_begin, int j_end) {
  float* c = args.c + j_begin;
  const int n = j_end - j_begin;
  int p = 0;
  for (; p + kGemvRowsPerPass <= args.k; p += kGemvRowsPerPass) {
    gemv_rows<Arch, kGemvRowsPerPass>(c, args.a + p * args.a_col, args.a_col, args.b + p * args.b_row + j_begin,
                                      args.b_row, n);
  }
  for (; p < args.k; ++p) {
    gemv_rows<Arch, 1>(c, args.a + p * args.a_col, args.a_col, args.b + p * args.b_row + j_begin, args.b_row, n);
  }
}

}  // namespace
}  // namespace smp::kernels
