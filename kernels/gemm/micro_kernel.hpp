#pragma once
// The register tile of the blocked GEMM: MR rows x NR = two SIMD vectors of
// columns of C, held in 2·MR accumulators while k streams past. Per step of k
// it loads two vectors of B and broadcasts MR values of A straight from
// memory into FMAs. With 16 registers (SSE, AVX2) MR = 6: 12 accumulators +
// 2 B vectors + 1 broadcast, nothing spilled. With AVX-512's 32 zmm registers
// MR = 14: 28 accumulators + 2 B vectors, the broadcasts folded into the FMAs
// as memory operands; 28 independent chains cover 4-cycle FMA latency on two
// pipes three times over, and each B load feeds 14 FMAs instead of 6. (A
// tile one vector wide and 28 rows tall, 28 broadcasts a step for half the
// B traffic, ran 28x256x1024 against a packed B at 152–154 GFLOPS with B in
// L2 and 134–142 streamed, against 181 and 163–173 for two 14x32 tiles, on
// an Intel Xeon, family 6 model 167, one thread.)
// NEON's 32 registers take MR = 12: 24 accumulators + 2 B vectors, with
// room for the broadcasts, which AArch64 loads into registers of their own.
//
// A arrives either packed (MR values per k step, contiguous) or as MR row
// pointers into a row-major op(A); B either packed (NR contiguous values per
// k step) or as the row-major source itself with its row stride. Both give
// the same arithmetic in the same order, so a result never depends on which
// layout was used.
#include <cstddef>
#include <type_traits>
#include <utility>

#include <xsimd/xsimd.hpp>

#include "kernels/arch/archs.hpp"

// Anonymous namespace: ISA code must not leak across translation units (arch_kernels.hpp).
namespace smp::kernels {
namespace {

template <class Arch>
struct TileShape {
  using Batch = xsimd::batch<float, Arch>;
  static constexpr bool kZmm = Batch::size == 16;
  static constexpr int kMr = kZmm ? 14 : kVectorRegisters<Arch> == 32 ? 12 : 6;
  static constexpr int kNr = 2 * static_cast<int>(Batch::size);
};

// MR rows of op(A) packed as MR consecutive values per step of k.
template <int Mr>
struct PackedRows {
  const float* data;
  float at(int row, int p) const { return data[p * Mr + row]; }
};

// MR rows of a row-major op(A) read in place. Rows past the matrix's edge
// point at a valid row; their results are computed but never stored.
template <int Mr>
struct DirectRows {
  const float* rows[Mr];
  float at(int row, int p) const { return rows[row][p]; }
};

// Steps of k ahead that a tile asks for a B packed ahead (a model's weight).
// Such a B is read once per call, from L3 once the weights outgrow L2, and
// the hardware prefetcher alone left the Medium model's full-context
// generation waiting on it: on an Intel Xeon (family 6 model 167, one thread)
// 32.6–33.9 ms without, 30.6–31.0 ms with 16 steps (2 KiB of zmm panel)
// ahead; 8 and 32 steps gained less, and 12 and 24 no more once only a
// sliver's first tile prefetched. Where B is in cache anyway the two
// extra instructions per step cost: 3–4 % at 64³ and 256³ with B packed per
// call (which therefore does not prefetch, even where its block streams from
// L2: 512³ and 1024³ ran at 1.04–1.08x OpenBLAS with or without, and 1024³
// at 160–168 GFLOPS with or without prefetchnta 8–32 steps ahead). A weight
// that stays in L2 still prefetches: without, the Small model ran no faster
// (3.49–3.55 ms against 3.42–3.50, 4 alternated runs). So only the zmm tile
// prefetches, only where its sliver of B is not in L1 already (gemm_impl.hpp),
// and only from kPrefetchMinRows rows: with the AVX2 tile's 12
// FMAs per step the Medium model took 55 ms against 49, and a single row's 2
// FMAs ran 1x256x768 with B packed at 46–47 GFLOPS against 49–52 (the
// KV-cache decode steps, single rows, took the same time either way).
// The stream waits while a sliver's later tiles run from L1. Having a
// sliver's tiles fetch the next sliver into L2 meanwhile (shares by their
// rows) made every full-context pass of the Medium model 2–11 % slower
// (10–34 rows, one thread); the second tile fetching all of it, up to 23 %.
constexpr int kPrefetchSteps = 16;
constexpr int kPrefetchMinRows = 4;

// A GEMM of a single row keeps this many sums per column, step p of k going
// to sum p mod kSingleRowPhases, added together at the end: with one, its two
// chains of FMAs wait on each other's latency. One row against a 256x768
// weight packed ahead and held in L2 ran at 59–61 GFLOPS with one and 70–71
// with two in a standalone loop, and the GEMM at 57–60 and 64–66 in the
// kernel bench (Intel Xeon, family 6 model 167, one thread).
// Only a GEMM whose every row is alone takes it, so that a row's bits never
// depend on the heights of the tiles around it (threads split such a GEMM by
// columns).
constexpr int kSingleRowPhases = 2;

// tile[Mr x NR] (leading dimension ldc) = (load_existing ? tile : 0) + (start + Σ_p A(:,p) ⊗ B(p,:)),
// with B(p, 0..NR) at b + p·b_step and start the NR values at `start` for
// every row (a bias, which then costs no pass over C), or zeros for nullptr.
// Mr is the tile's height, MR or fewer (the last rows of a block, or tiles of
// near-equal height): a tile costs only its own rows' FMAs, and each
// element's arithmetic is the same at any height. With Phases > 1 the steps
// of k are summed in that many interleaved partial sums (kSingleRowPhases).
template <class Arch, int Mr = TileShape<Arch>::kMr, bool PrefetchB = false, int Phases = 1, class Rows>
void micro_kernel(int kc, const Rows& a, const float* b, std::ptrdiff_t b_step, const float* start, float* tile,
                  std::ptrdiff_t ldc, bool load_existing) {
  using Batch = xsimd::batch<float, Arch>;
  static_assert(Mr >= 1 && Mr <= TileShape<Arch>::kMr);
  static_assert(Phases == 1 || Mr * Phases <= TileShape<Arch>::kMr);
  constexpr int mr = Mr;
  constexpr std::size_t width = Batch::size;
  const Batch start0 = start ? Batch::load_unaligned(start) : Batch(0.0f);
  const Batch start1 = start ? Batch::load_unaligned(start + width) : Batch(0.0f);
  Batch acc[Phases][mr][2];
  for (int i = 0; i < mr; ++i) {
    acc[0][i][0] = start0;
    acc[0][i][1] = start1;
    for (int phase = 1; phase < Phases; ++phase) acc[phase][i][0] = acc[phase][i][1] = Batch(0.0f);
  }
  // The tile of C is read only after the k loop. Asking for its lines now
  // pays only in a tile that also prefetches B. On the Xeon above, one
  // thread, with the request in every tile against none: zmm square A·B
  // 256³ 4.6–5.0 %, 512³ 1.3–3.9 %, 1024³ 1.2–3.0 % faster without (medians
  // of 8 interleaved rounds, two runs), but the Medium and Small full-context
  // generations, whose weights are B packed ahead, 1.2 % and 1.7 % slower
  // (24 pinned pairs); forced onto AVX2, which never prefetches B, Medium
  // 8.8 % and Small 5.3 % faster without (12 of 12 pairs), 256³ 5–6 %,
  // 512³ and 1024³ within noise (±2 %). Asking from the block loop for the
  // next tile's C into L2, a tile ahead, moved 512³–1024³ by less than noise.
  if constexpr (PrefetchB) {
    for (int i = 0; i < mr; ++i) {
      __builtin_prefetch(tile + i * ldc, 1, 3);
      __builtin_prefetch(tile + i * ldc + 2 * width - 1, 1, 3);
    }
  }

  // One step of k into the partial sums `sums`.
  const auto step = [&](int p, Batch(&sums)[mr][2]) {
    if constexpr (PrefetchB) {
      __builtin_prefetch(b + kPrefetchSteps * b_step, 0, 3);
      __builtin_prefetch(b + kPrefetchSteps * b_step + width, 0, 3);
    }
    const Batch b0 = Batch::load_unaligned(b);
    const Batch b1 = Batch::load_unaligned(b + width);
    for (int i = 0; i < mr; ++i) {
      const Batch a_i(a.at(i, p));
      sums[i][0] = xsimd::fma(a_i, b0, sums[i][0]);
      sums[i][1] = xsimd::fma(a_i, b1, sums[i][1]);
    }
    b += b_step;
  };
  int p = 0;
  for (; p + Phases <= kc; p += Phases) {
    for (int phase = 0; phase < Phases; ++phase) step(p + phase, acc[phase]);
  }
  for (int phase = 0; p < kc; ++p, ++phase) step(p, acc[phase]);

  for (int i = 0; i < mr; ++i) {
    for (int phase = 1; phase < Phases; ++phase) {
      acc[0][i][0] += acc[phase][i][0];
      acc[0][i][1] += acc[phase][i][1];
    }
    float* row = tile + i * ldc;
    if (load_existing) {
      acc[0][i][0] += Batch::load_unaligned(row);
      acc[0][i][1] += Batch::load_unaligned(row + width);
    }
    acc[0][i][0].store_unaligned(row);
    acc[0][i][1].store_unaligned(row + width);
  }
}

// Calls call(std::integral_constant<int, rows>{}) for 1 <= rows <= Mr: a
// run-time row count as the compile-time height micro_kernel takes.
template <int Mr, class Call>
void with_tile_height(int rows, Call&& call) {
  [&]<int... Heights>(std::integer_sequence<int, Heights...>) {
    (void)((rows == Heights + 1 ? (call(std::integral_constant<int, Heights + 1>{}), true) : false) || ...);
  }(std::make_integer_sequence<int, Mr>{});
}

}  // namespace
}  // namespace smp::kernels
