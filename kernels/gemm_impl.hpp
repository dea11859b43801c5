#pragma once
// Packed, cache-blocked GEMM (BLIS loop order) for one architecture.
//
//   for jc (NC columns of C)      B block [KC x NC] packed once, reused by every row block
//     for pc (KC of the k range)
//       for ic (MC rows of C)     A block [MC x KC] packed into MR-row slivers
//         for jr, ir              MR x NR register tile: the micro-kernel
//
// The micro-kernel keeps an MR x NR tile of C in registers (MR rows of two
// SIMD vectors: 6x16 on AVX2, 6x8 on SSE) and streams packed slivers with FMA.
// Edge tiles run the same micro-kernel into a stack tile and copy out the
// valid part, so ragged shapes never drop to a scalar loop.
#include <algorithm>
#include <cstddef>

#include "arch_kernels.hpp"
#include "gemm_blocking.hpp"
#include "pack_buffer.hpp"

namespace smp::kernels {
namespace {

template <class Arch>
struct GemmShape {
  using Batch = xsimd::batch<float, Arch>;
  static constexpr int kMr = 6;
  static constexpr int kNr = 2 * static_cast<int>(Batch::size);
};

// acc (MR x NR) = sum over p of packed_a[p][0..MR) ⊗ packed_b[p][0..NR);
// then tile = (load_existing ? tile : 0) + acc, with tile's leading dimension ldc.
template <class Arch>
void micro_kernel(int kc, const float* packed_a, const float* packed_b, float* tile, std::ptrdiff_t ldc,
                  bool load_existing) {
  using Batch = xsimd::batch<float, Arch>;
  constexpr int mr = GemmShape<Arch>::kMr;
  constexpr std::size_t width = Batch::size;
  Batch acc[mr][2];
  for (int i = 0; i < mr; ++i) acc[i][0] = acc[i][1] = Batch(0.0f);

  for (int p = 0; p < kc; ++p) {
    const Batch b0 = Batch::load_aligned(packed_b);
    const Batch b1 = Batch::load_aligned(packed_b + width);
    for (int i = 0; i < mr; ++i) {
      const Batch a_i(packed_a[i]);
      acc[i][0] = xsimd::fma(a_i, b0, acc[i][0]);
      acc[i][1] = xsimd::fma(a_i, b1, acc[i][1]);
    }
    packed_a += mr;
    packed_b += 2 * width;
  }

  for (int i = 0; i < mr; ++i) {
    float* row = tile + i * ldc;
    if (load_existing) {
      acc[i][0] += Batch::load_unaligned(row);
      acc[i][1] += Batch::load_unaligned(row + width);
    }
    acc[i][0].store_unaligned(row);
    acc[i][1].store_unaligned(row + width);
  }
}

// Packs rows [0, mc) x cols [0, kc) of op(A) (already offset) into MR-row
// slivers: sliver s holds, for each p, MR consecutive values; short slivers are
// zero-padded.
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

// Packs rows [0, kc) x cols [0, nc) of op(B) into NR-column slivers, zero-padded.
template <int Nr>
void pack_b(float* packed, const float* b, std::ptrdiff_t b_row, std::ptrdiff_t b_col, int kc, int nc) {
  for (int j0 = 0; j0 < nc; j0 += Nr) {
    const int cols = std::min(Nr, nc - j0);
    if (b_col == 1 && cols == Nr) {
      // Row-major B: each sliver row is a contiguous run.
      for (int p = 0; p < kc; ++p) std::copy_n(b + p * b_row + j0, Nr, packed + p * Nr);
    } else {
      // Transposed B walks each source column contiguously along k.
      for (int j = 0; j < Nr; ++j) {
        if (j < cols) {
          const float* source = b + (j0 + j) * b_col;
          for (int p = 0; p < kc; ++p) packed[p * Nr + j] = source[p * b_row];
        } else {
          for (int p = 0; p < kc; ++p) packed[p * Nr + j] = 0.0f;
        }
      }
    }
    packed += kc * Nr;
  }
}

// Writes C's first k-block: C = bias (or 0) when overwriting; untouched when accumulating.
void initialise_c(const GemmArgs& args) {
  if (args.accumulate) return;
  for (int i = 0; i < args.m; ++i) {
    float* row = args.c + static_cast<std::ptrdiff_t>(i) * args.n;
    if (args.bias) {
      std::copy_n(args.bias, args.n, row);
    } else {
      std::fill_n(row, args.n, 0.0f);
    }
  }
}

}  // namespace

template <class Arch>
void ArchKernels<Arch>::gemm(const GemmArgs& args) {
  constexpr int mr = GemmShape<Arch>::kMr;
  constexpr int nr = GemmShape<Arch>::kNr;
  if (args.m == 0 || args.n == 0) return;
  const Blocking blocking = blocking_for(mr, nr);
  // C starts as bias or zero, then every k-block accumulates into it; this
  // keeps one code path for overwrite, accumulate and bias.
  initialise_c(args);
  if (args.k == 0) return;

  PackBuffers& buffers = thread_pack_buffers();
  float* packed_a = buffers.a(static_cast<std::size_t>(blocking.mc) * blocking.kc);
  float* packed_b = buffers.b(static_cast<std::size_t>(blocking.kc) * round_up(std::min(blocking.nc, args.n), nr));
  alignas(64) float edge_tile[mr * nr];

  for (int jc = 0; jc < args.n; jc += blocking.nc) {
    const int nc = std::min(blocking.nc, args.n - jc);
    for (int pc = 0; pc < args.k; pc += blocking.kc) {
      const int kc = std::min(blocking.kc, args.k - pc);
      pack_b<nr>(packed_b, args.b + pc * args.b_row + jc * args.b_col, args.b_row, args.b_col, kc, nc);
      for (int ic = 0; ic < args.m; ic += blocking.mc) {
        const int mc = std::min(blocking.mc, args.m - ic);
        pack_a<mr>(packed_a, args.a + ic * args.a_row + pc * args.a_col, args.a_row, args.a_col, mc, kc);
        for (int jr = 0; jr < nc; jr += nr) {
          const int cols = std::min(nr, nc - jr);
          const float* sliver_b = packed_b + static_cast<std::ptrdiff_t>(jr) * kc;
          for (int ir = 0; ir < mc; ir += mr) {
            const int rows = std::min(mr, mc - ir);
            const float* sliver_a = packed_a + static_cast<std::ptrdiff_t>(ir) * kc;
            float* c_tile = args.c + static_cast<std::ptrdiff_t>(ic + ir) * args.n + jc + jr;
            if (rows == mr && cols == nr) {
              micro_kernel<Arch>(kc, sliver_a, sliver_b, c_tile, args.n, true);
            } else {
              micro_kernel<Arch>(kc, sliver_a, sliver_b, edge_tile, nr, false);
              for (int i = 0; i < rows; ++i) {
                float* c_row = c_tile + static_cast<std::ptrdiff_t>(i) * args.n;
                for (int j = 0; j < cols; ++j) c_row[j] += edge_tile[i * nr + j];
              }
            }
          }
        }
      }
    }
  }
}

}  // namespace smp::kernels
