#pragma once
// Packing for the blocked GEMM: copies a block of op(A) or op(B) into the
// order the micro-kernel streams it, zero-padding short slivers so edge tiles
// run the same micro-kernel.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include <xsimd/xsimd.hpp>

#include "kernels/arch/archs.hpp"
#include "kernels/gemm/micro_kernel.hpp"

// Anonymous namespace: ISA code must not leak across translation units (arch_kernels.hpp).
namespace smp::kernels {
namespace {

// Rows [0, mc) x cols [0, kc) of op(A) (already offset) into MR-row slivers:
// sliver s holds, for each p, MR consecutive values. Element by element, and
// no slower for it: on an Intel Xeon (family 6 model 167, one thread)
// neither transposing SIMD squares nor prefetching the next sliver's rows
// into L2 moved 1024³ beyond run-to-run noise (±2 %, 3 runs each).
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

// Transposes a square block of SIMD-width rows in place: afterwards v[q] holds
// element q of every input row. Both steps are lane-local zips (on AVX each
// 128-bit half transposes its own 4x4 block); AVX then swaps halves across
// the two 4-row groups.
template <class Arch>
void transpose_square(xsimd::batch<float, Arch>* v) {
  using Batch = xsimd::batch<float, Arch>;
  using Pairs = xsimd::batch<double, Arch>;  // two floats moved as one
  constexpr int width = static_cast<int>(Batch::size);
  static_assert(width == 4 || width == 8, "4x4 blocks, or two of them side by side");
  const auto pairs = [](Batch x) { return xsimd::bitwise_cast<Pairs>(x); };
  const auto floats = [](Pairs x) { return xsimd::bitwise_cast<Batch>(x); };
  for (int g = 0; g < width; g += 4) {
    const Batch t0 = xsimd::zip_lo(v[g], v[g + 1]);
    const Batch t1 = xsimd::zip_hi(v[g], v[g + 1]);
    const Batch t2 = xsimd::zip_lo(v[g + 2], v[g + 3]);
    const Batch t3 = xsimd::zip_hi(v[g + 2], v[g + 3]);
    v[g] = floats(xsimd::zip_lo(pairs(t0), pairs(t2)));
    v[g + 1] = floats(xsimd::zip_hi(pairs(t0), pairs(t2)));
    v[g + 2] = floats(xsimd::zip_lo(pairs(t1), pairs(t3)));
    v[g + 3] = floats(xsimd::zip_hi(pairs(t1), pairs(t3)));
  }
  if constexpr (width == 8) {
    // v[q] = (rows 0-3 at q | rows 0-3 at q+4), v[4+q] likewise for rows 4-7.
    using Index = xsimd::batch<std::uint32_t, Arch>;
    constexpr xsimd::batch_constant<Index, 0, 1, 2, 3, 0, 1, 2, 3> low_to_both;
    constexpr xsimd::batch_constant<Index, 4, 5, 6, 7, 4, 5, 6, 7> high_to_both;
    constexpr xsimd::batch_bool_constant<Batch, false, false, false, false, true, true, true, true> high_half;
    for (int q = 0; q < 4; ++q) {
      const Batch first = v[q];
      const Batch second = v[4 + q];
      v[q] = xsimd::select(high_half, xsimd::swizzle(second, low_to_both), first);
      v[4 + q] = xsimd::select(high_half, second, xsimd::swizzle(first, high_to_both));
    }
  }
}

// One NR-column sliver of a transposed op(B) (column j contiguous along k at
// b + j·b_col): SIMD-width blocks of k are loaded along the columns and
// transposed in registers, the k tail element by element. Columns past
// `cols` are zero. AVX-512 reuses the 8x8 AVX2 transpose on its ymm halves,
// which moves the same bytes as a 16x16 one in as few shuffles per byte.
template <class Arch>
void pack_b_sliver_transposed(float* packed, const float* b, std::ptrdiff_t b_col, int kc, int cols) {
  using Batch = xsimd::batch<float, HalfZmmArch<Arch>>;
  constexpr int width = static_cast<int>(Batch::size);
  constexpr int nr = TileShape<Arch>::kNr;
  int p = 0;
  for (; p + width <= kc; p += width) {
    for (int half = 0; half < nr; half += width) {
      Batch v[width];
      for (int r = 0; r < width; ++r) {
        v[r] = half + r < cols ? Batch::load_unaligned(b + (half + r) * b_col + p) : Batch(0.0f);
      }
      transpose_square<HalfZmmArch<Arch>>(v);
      for (int q = 0; q < width; ++q) v[q].store_unaligned(packed + (p + q) * nr + half);
    }
  }
  for (; p < kc; ++p) {
    for (int j = 0; j < nr; ++j) packed[p * nr + j] = j < cols ? b[j * b_col + p] : 0.0f;
  }
}

// A row-major op(B) block into slivers. Bands of a few rows are copied
// across all slivers before moving down, so the reads run along B's rows
// (a handful of sequential streams) instead of striding down one column
// strip at a time, which touches a new page on every row.
template <class Arch>
void pack_b_row_major(float* packed, const float* b, std::ptrdiff_t b_row, int kc, int nc) {
  using Batch = xsimd::batch<float, Arch>;
  constexpr std::size_t width = Batch::size;
  constexpr int nr = TileShape<Arch>::kNr;
  constexpr int kBandRows = 8;
  for (int p0 = 0; p0 < kc; p0 += kBandRows) {
    const int p_end = std::min(kc, p0 + kBandRows);
    for (int j0 = 0; j0 < nc; j0 += nr) {
      const int cols = std::min(nr, nc - j0);
      float* sliver = packed + static_cast<std::ptrdiff_t>(j0) * kc;
      for (int p = p0; p < p_end; ++p) {
        const float* source = b + p * b_row + j0;
        float* target = sliver + p * nr;
        if (cols == nr) {
          Batch::load_unaligned(source).store_unaligned(target);
          Batch::load_unaligned(source + width).store_unaligned(target + width);
        } else {
          for (int j = 0; j < nr; ++j) target[j] = j < cols ? source[j] : 0.0f;
        }
      }
    }
  }
}

// Rows [0, kc) x cols [0, nc) of op(B) into NR-column slivers of kc·NR floats.
template <class Arch>
void pack_b(float* packed, const float* b, std::ptrdiff_t b_row, std::ptrdiff_t b_col, int kc, int nc) {
  constexpr int nr = TileShape<Arch>::kNr;
  if (b_col == 1) {
    pack_b_row_major<Arch>(packed, b, b_row, kc, nc);
    return;
  }
  // Every public variant has B contiguous along one axis: here b_row == 1.
  for (int j0 = 0; j0 < nc; j0 += nr) {
    pack_b_sliver_transposed<Arch>(packed + static_cast<std::ptrdiff_t>(j0) * kc, b + j0 * b_col, b_col, kc,
                                   std::min(nr, nc - j0));
  }
}

}  // namespace
}  // namespace smp::kernels
