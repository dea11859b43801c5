#pragma once
// GEMM for one architecture: picks a path for the shape, splits C into tasks
// for the thread pool, and runs each task: its block of C gets the bias and
// the products (added to C's own values for a residual), then the fused
// epilogue (GELU).
//
// Paths:
//   dot      small M, A·Bᵀ with both operands contiguous along k: dot-product
//            tiles straight from A and B, nothing packed (small.hpp).
//   gemv     M == 1 with a row-major B: rows of B folded into C in order (small.hpp).
//   blocked  everything else, BLIS loop order:
//              for jc (NC columns of C)      B block [KC x NC] packed once
//                for pc (KC of the k range)
//                  for ic (MC rows of C)     A block [MC x KC] packed into MR-row slivers
//                    for jr, ir              MR x NR register tile (micro_kernel.hpp);
//                                            on zmm with A packed, ir outside jr and
//                                            NC half of L2 (BlockOrder)
//            A row-major op(A) or op(B) that is small enough to stay in cache
//            is read in place instead of packed; the arithmetic is the same.
// The last rows of a block run a micro-kernel of their own height; a ragged
// last column sliver runs the full tile into a stack tile and copies out the
// valid part, so ragged shapes never drop to a scalar loop.
#include <algorithm>
#include <array>
#include <cstddef>

#include "kernels/arch/arch_kernels.hpp"
#include "kernels/cache_size.hpp"
#include "kernels/gemm/blocking.hpp"
#include "kernels/gemm/micro_kernel.hpp"
#include "kernels/gemm/pack.hpp"
#include "kernels/gemm/row_stride.hpp"
#include "kernels/gemm/small.hpp"
#include "kernels/gemm/split.hpp"
#include "kernels/gemm/pack_buffer.hpp"
#include "kernels/kernels.hpp"
#include "kernels/threading/thread_pool.hpp"

// Anonymous namespace: ISA code must not leak across translation units (arch_kernels.hpp).
namespace smp::kernels {
namespace {

enum class GemmPath { none, dot, gemv, blocked };  // none: k == 0, C is bias (or untouched)

// Up to this many rows of A, A·Bᵀ runs as dot products rather than packing B:
// each element of B then serves at most this many FMAs, too few to repay a copy.
// AVX-512's 14-row register tile repays the copy sooner. On an Intel Xeon
// (Emerald Rapids, thread CPU time, one thread, GFLOPS) dot products against
// the packed path: 14x256x1024 56–65 against 44–53; 21x256x1024 55–58 against
// 62–70; 35x128x384 38–55 against 65–94. With AVX2 the two tie at 35 rows.
// With B packed ahead (a model's weights) there is no copy to repay, and the
// register tile wins at every M on AVX-512: on an Intel Xeon (family 6 model
// 167, one thread) the Medium model's 25-token generation took 41–47 ms with
// the tile at every M against 63–87 ms with dot products up to 20 rows, and
// its KV-cache decode (M = 1) 14.4–14.8 ms against 15.3–18.9 ms. The 6-row
// AVX2 tile keeps only two accumulators for one row, too few to hide FMA
// latency while B comes from cache: a single row against a weight that fits
// in L2 stays a dot product there (Small's KV-cache decode 1.08 ms as dot
// products, 1.21 ms on the tile); a larger one streams from memory either way.
constexpr long kDotRowMaxPackedFloats = 128 * 1024;

template <class Arch>
constexpr int dot_max_rows(const GemmArgs& args) {
  if (args.packed_b) {
    const bool cached_row = !TileShape<Arch>::kZmm && static_cast<long>(args.k) * args.n <= kDotRowMaxPackedFloats;
    return cached_row ? 1 : 0;
  }
  return TileShape<Arch>::kZmm ? 20 : 48;
}

// Shapes of the dot-product tile: 3x4 keeps 12 accumulators in flight for
// general M, at 256 bits even on AVX-512: what such a tile pays beyond the
// FMAs is the horizontal reduction of each tile and the number of B rows
// streaming at once, and both grow with the width. On Zen 5 (CPU time, one
// thread) a zmm 4x4 tile measured no faster: 35x128x384 72–80 GFLOPS against 74–76.
constexpr int kDotRows = 3;
constexpr int kDotCols = 4;
template <class Arch>
using DotArch = HalfZmmArch<Arch>;

// A single row of A (a GEMV) takes one batch-width of B's rows at a time at
// the path's full width, reduced by one sum_each, with its loads of B aligned
// (dot_tile's head). On an Intel Xeon (family 6 model 167, CPU time, one
// thread, B 16 bytes past a cache line) 1x256x768 A·Bᵀ ran at 59–60 GFLOPS
// with 16 zmm columns, against 56 with 8, and 50–51 with the 256-bit 1x8 tile
// and no head (OpenBLAS's sgemv 43–45 in the same runs).
template <class Arch>
constexpr int kGemvDotCols = TileShape<Arch>::kZmm ? 16 : 8;

// op(B) is read in place when its rows are contiguous and either few rows of
// A reuse it or the whole of it sits in L1 (48 KiB): packing would then copy
// more than it saves.
constexpr int kDirectBMaxRows = 24;
constexpr long kDirectBMaxFloats = 8 * 1024;

// op(A) is read in place when it is row-major and a KC-deep block of it fits
// in L2 beside the B sliver it meets. Copying it k-major first (one pointer,
// rows at fixed offsets) costs more than it saves: on an Intel Xeon (family 6
// model 167, one thread) the Medium model's full-context generation took
// 26.1–27.1 ms against 24.3–25.2 in place (3 alternated runs).
constexpr long kDirectAMaxFloats = 64 * 1024;

// The zmm tile reads rows of A in place through one pointer where their
// stride allows (row_stride.hpp); the narrower tiles' 6 pointers fit in registers.
template <class Arch>
constexpr bool kStridedARows = TileShape<Arch>::kZmm;

struct GemmPlan {
  GemmPath path;
  bool split_rows;  // blocked path only: tasks take row ranges, otherwise column ranges
  int align;        // task boundaries fall on multiples of this
  bool direct_a;
  bool direct_b;
  bool prepacked_b;  // B arrives packed (args.packed_b)

  // True when tasks repeat no packing, so C can be cut finer than one task per
  // thread: then a thread that the OS parks mid-call (the cores are shared)
  // holds up only a small piece, and the others take the rest.
  bool split_is_free() const {
    if (path != GemmPath::blocked) return true;
    return split_rows ? direct_b || prepacked_b : direct_a;
  }
};

// A single row uses each element of B once, so streaming B, not the FMAs,
// sets its time: a FLOP of it costs at least twice one of a GEMM (Intel Xeon
// VM, family 6 model 167: 1x256x768 A·Bᵀ at 50 GFLOPS from L2, 512³ at 147).
constexpr double kSingleRowCostFactor = 2.0;

// Tasks per thread when splitting is free; enough to rebalance, few enough
// that each task stays well above the cost of handing it out. On an Intel
// Xeon (family 6 model 167, 2 threads) the Medium model's full-context
// generation ran no faster with 2 or with 8 (15.2–15.8 and 15.4–15.7 ms
// against 15.0–15.9, 4 alternated runs).
constexpr int kTasksPerThread = 4;

template <class Arch>
GemmPlan plan_gemm(const GemmArgs& args) {
  constexpr int mr = TileShape<Arch>::kMr;
  constexpr int nr = TileShape<Arch>::kNr;
  const bool prepacked_b = args.packed_b != nullptr;
  if (args.a_col == 1 && args.b_row == 1 && args.m <= dot_max_rows<Arch>(args)) {
    return {GemmPath::dot, false, args.m == 1 ? kGemvDotCols<Arch> : kDotCols, false, false, false};
  }
  if (args.m == 1 && args.b_col == 1) return {GemmPath::gemv, false, gemv_column_align<Arch>(), false, false, false};
  const bool direct_b = !prepacked_b && args.b_col == 1 &&
                        (args.m <= kDirectBMaxRows || static_cast<long>(args.k) * args.n <= kDirectBMaxFloats);
  const bool direct_a =
      args.a_col == 1 && static_cast<long>(args.m) * std::min(args.k, blocking_for(mr, nr).kc) <= kDirectAMaxFloats;
  // Split where tasks repeat no packing: by columns when A is read in place
  // (each task packs only its own columns of B), by rows when B is read in
  // place or arrives packed; with both, along the longer side. Otherwise split
  // rows: repeating B's contiguous copy costs less than repeating A's strided
  // gather, unless C is too thin to give every thread rows.
  const bool b_in_place = direct_b || prepacked_b;
  const bool more_rows = (args.m + mr - 1) / mr >= (args.n + nr - 1) / nr;
  bool split_rows = args.m >= args.n || args.m >= 8 * mr;
  if (direct_a && b_in_place) {
    split_rows = more_rows;
  } else if (direct_a || b_in_place) {
    split_rows = b_in_place;
  }
  return {GemmPath::blocked, split_rows, split_rows ? mr : nr, direct_a, direct_b, prepacked_b};
}

// True when the blocked path runs: its register tiles start from the bias and
// its first block of k stores into C (or adds to it when accumulating), so C
// is neither set up first nor read back (blocked_gemm).
bool blocked_sets_up_c(const GemmArgs& args, const GemmPlan& plan) {
  return plan.path == GemmPath::blocked && args.k > 0;
}

// C[rows, cols] = bias (or 0) when overwriting; C += bias (or nothing) when
// accumulating. The other paths then add their products into C, so overwrite,
// accumulate and bias share one code path there.
void initialise_c(const GemmArgs& args, Range rows, Range cols) {
  if (args.accumulate && !args.bias) return;
  for (int i = rows.begin; i < rows.end; ++i) {
    float* row = args.c + static_cast<std::ptrdiff_t>(i) * args.n;
    for (int j = cols.begin; j < cols.end; ++j) {
      const float start = args.accumulate ? row[j] : 0.0f;
      row[j] = args.bias ? start + args.bias[j] : start;
    }
  }
}

// The fused epilogue runs on a task's own block of C while it is still in cache.
template <class Arch>
void finish_c(const GemmArgs& args, Range rows, Range cols) {
  if (!args.gelu) return;
  for (int i = rows.begin; i < rows.end; ++i) {
    float* row = args.c + static_cast<std::ptrdiff_t>(i) * args.n + cols.begin;
    ArchKernels<Arch>::gelu(row, row, static_cast<std::size_t>(cols.end - cols.begin));
  }
}

// Where the KC-deep block of k starting at pc begins in B packed whole: each
// block holds NR-column slivers of kc·NR floats across all of B's columns.
template <class Arch>
std::ptrdiff_t packed_b_block_offset(int pc, int n) {
  return static_cast<std::ptrdiff_t>(pc) * round_up(n, TileShape<Arch>::kNr);
}

// How a block's rows are cut into register tiles.
enum class TileRows {
  slivers,     // a packed A comes in MR-row slivers: tiles of MR rows and the rest
  balanced,    // rows read in place: tiles of near-equal height
  tall_first,  // rows read in place against a streamed B: the first tile as tall as it can be
};

// A last tile of one to three rows keeps too few FMAs in flight to hide their
// latency, so no tile read in place is shorter than this (unless the block is).
constexpr int kMinTileRows = 4;

// Only the first tile of a sliver of B waits for it to arrive from L3: the
// later tiles read it from L1. Against a streamed B that tile is kept tall,
// so its FMAs outlast the stream. On an Intel Xeon (family 6 model 167, 2 MiB
// L2, one thread), the Medium model's GEMM chain (its 12.6 MB of weights)
// over 15–18 rows ran 4–14 % faster as 14 + the rest (11 + 4 for 15 rows)
// than as equal tiles (8 + 7), whose 8-row first tile took as long as the
// whole stream, and the same at other heights. With B in L2 (Small's 1.5 MB)
// equal tiles stayed 4–9 % faster at 17–21 rows. Measured on the zmm tile only.
template <class Arch>
TileRows tile_rows_for(const GemmArgs& args, const GemmPlan& plan) {
  if (!plan.direct_a) return TileRows::slivers;
  const bool streamed_b = plan.prepacked_b && args.packed_b_streams;
  return TileShape<Arch>::kZmm && streamed_b ? TileRows::tall_first : TileRows::balanced;
}

// Rows of tile `tile` of `tiles` over [begin, end) in near-equal heights: the
// first `taller` tiles take one row more.
Range equal_tile(int begin, int end, int tiles, int tile) {
  const int height = (end - begin) / tiles;
  const int taller = (end - begin) % tiles;
  const int first = begin + tile * height + std::min(tile, taller);
  return {first, first + height + (tile < taller ? 1 : 0)};
}

// The first tile of `tiles` as tall as MR allows while every later one keeps
// kMinTileRows, the rest in near-equal heights.
template <int Mr>
Range tall_first_tile(int mc, int tiles, int tile) {
  if (tiles == 1) return {0, mc};
  const int first = std::min(Mr, mc - kMinTileRows * (tiles - 1));
  return tile == 0 ? Range{0, first} : equal_tile(first, mc, tiles - 1, tile - 1);
}

// Rows of the tile-th of `tiles` register tiles over a block of mc rows:
// 15 rows run as 14 + 1 in slivers, 8 + 7 balanced, 11 + 4 tall first.
template <int Mr>
Range row_tile(int mc, int tiles, int tile, TileRows cut) {
  switch (cut) {
    case TileRows::slivers:
      return {tile * Mr, std::min(mc, (tile + 1) * Mr)};
    case TileRows::balanced:
      return equal_tile(0, mc, tiles, tile);
    case TileRows::tall_first:
      break;
  }
  return tall_first_tile<Mr>(mc, tiles, tile);
}

// Register tiles in a block of MC rows.
template <class Arch>
constexpr int kMaxBlockTiles = [] {
  constexpr int mr = TileShape<Arch>::kMr;
  return (blocking_for(mr, TileShape<Arch>::kNr).mc + mr - 1) / mr;
}();

// Which operand of a block stays in L1 while the other streams past it.
enum class BlockOrder {
  b_sliver_in_l1,  // for each sliver of B, every row tile: A's block streams from L2
  a_sliver_in_l1,  // for each row tile, every sliver of B: B's block streams from L2
};

// A packed A meets its B block from L2 on zmm: on an Intel Xeon (family 6
// model 167, 2 MiB L2, one thread, 3 interleaved runs against OpenBLAS)
// 1024³ ran at 1.04–1.06× OpenBLAS against 1.00–1.01 with B's sliver in L1,
// 512³ 1.07–1.08 against 1.03–1.06, 256³ 1.13–1.15 against 1.10–1.11.
// Rows read in place keep B's sliver in L1: against a streamed B (a model's
// weights) each sliver then comes from beyond L2 once, not once per row tile.
template <class Arch>
BlockOrder block_order_for(TileRows cut) {
  return TileShape<Arch>::kZmm && cut == TileRows::slivers ? BlockOrder::a_sliver_in_l1 : BlockOrder::b_sliver_in_l1;
}

// One sliver of B as a register tile reads it.
struct BSliver {
  int jr;    // its first column in the block
  int cols;  // NR, or fewer in a ragged last sliver
  const float* data;
  std::ptrdiff_t step;  // floats from one k to the next
  const float* bias;
};

// Columns of a KC-deep block of B that fill half of one core's L2, where
// BlockOrder::a_sliver_in_l1 needs the block to stay.
template <class Arch>
int l2_block_columns(const Blocking& blocking) {
  constexpr int nr = TileShape<Arch>::kNr;
  const auto half_l2_floats = static_cast<long>(core_l2_bytes() / 2 / sizeof(float));
  return static_cast<int>(std::clamp(half_l2_floats / blocking.kc / nr, 1L, static_cast<long>(blocking.nc / nr))) * nr;
}

// The tile that prefetches B packed ahead, kept out of line: where GCC
// inlined it into the block loop, the Medium model's full-context generation
// ran 4.3 % slower (Intel Xeon, family 6 model 167, 16 pinned pairs).
template <class Arch, int Mr, class Rows>
[[gnu::noinline]] void prefetching_tile(int kc, const Rows& a, const float* b, std::ptrdiff_t b_step,
                                        const float* start, float* tile, std::ptrdiff_t ldc, bool load_existing) {
  micro_kernel<Arch, Mr, true>(kc, a, b, b_step, start, tile, ldc, load_existing);
}

// Slivers of B in a block of NC columns.
template <class Arch>
constexpr int kMaxBlockSlivers = blocking_for(TileShape<Arch>::kMr, TileShape<Arch>::kNr).nc / TileShape<Arch>::kNr;

template <class Arch>
void blocked_gemm(const GemmArgs& args, Range rows, Range cols, const GemmPlan& plan) {
  constexpr int mr = TileShape<Arch>::kMr;
  constexpr int nr = TileShape<Arch>::kNr;
  const Blocking blocking = blocking_for(mr, nr);
  const TileRows tile_cut = tile_rows_for<Arch>(args, plan);
  const BlockOrder order = block_order_for<Arch>(tile_cut);
  const int nc_max = order == BlockOrder::a_sliver_in_l1 ? l2_block_columns<Arch>(blocking) : blocking.nc;
  const int n_part = cols.end - cols.begin;
  const bool direct_a = plan.direct_a;
  const bool direct_b = plan.direct_b;
  const bool single_row = args.m == 1;  // micro_kernel.hpp, kSingleRowPhases

  PackBuffers& buffers = thread_pack_buffers();
  float* packed_a = direct_a ? nullptr : buffers.a(static_cast<std::size_t>(blocking.mc) * blocking.kc);
  float* packed_b = plan.prepacked_b ? nullptr
                                     : buffers.b(static_cast<std::size_t>(blocking.kc) *
                                                 round_up(std::min(nc_max, n_part), nr));
  alignas(64) float edge_tile[mr * nr];
  alignas(64) float edge_bias[nr];

  for (int jc = cols.begin; jc < cols.end; jc += nc_max) {
    const int nc = std::min(nc_max, cols.end - jc);
    const int nc_full = nc / nr * nr;
    for (int pc = 0; pc < args.k; pc += blocking.kc) {
      const int kc = std::min(blocking.kc, args.k - pc);
      const bool add_to_c = pc > 0 || args.accumulate;
      const float* bias = pc == 0 ? args.bias : nullptr;  // the first block of k starts from it
      const float* b_block = args.b + pc * args.b_row + jc * args.b_col;
      // B's slivers for this block: packed now into scratch, or packed ahead
      // (jc is a multiple of NR, as task boundaries are, so its slivers start here).
      const float* b_packed = plan.prepacked_b ? args.packed_b + packed_b_block_offset<Arch>(pc, args.n) +
                                                     static_cast<std::ptrdiff_t>(jc) * kc
                                               : packed_b;
      if (!plan.prepacked_b && !direct_b) {
        pack_b<Arch>(packed_b, b_block, args.b_row, args.b_col, kc, nc);
      } else if (direct_b && nc_full < nc) {
        // Read in place, except the ragged last sliver, which would run past B's end.
        pack_b<Arch>(packed_b, b_block + nc_full, args.b_row, args.b_col, kc, nc - nc_full);
      }
      // The block's slivers of B as their register tiles read them, the same
      // for every block of A.
      const int slivers = (nc + nr - 1) / nr;
      std::array<BSliver, kMaxBlockSlivers<Arch>> b_slivers;
      for (int sliver = 0; sliver < slivers; ++sliver) {
        const int jr = sliver * nr;
        const int tile_cols = std::min(nr, nc - jr);
        const bool in_place_b = direct_b && tile_cols == nr;
        BSliver& b = b_slivers[sliver];
        b = {jr, tile_cols,
             in_place_b ? b_block + jr : b_packed + (direct_b ? 0 : static_cast<std::ptrdiff_t>(jr) * kc),
             in_place_b ? args.b_row : nr, bias ? bias + jc + jr : nullptr};
        if (bias && tile_cols < nr) {
          // The ragged sliver's bias, padded so the tile reads no further than B's columns.
          std::fill(std::copy(b.bias, b.bias + tile_cols, edge_bias), edge_bias + nr, 0.0f);
          b.bias = edge_bias;
        }
      }
      for (int ic = rows.begin; ic < rows.end; ic += blocking.mc) {
        const int mc = std::min(blocking.mc, rows.end - ic);
        const float* a_block = args.a + ic * args.a_row + pc * args.a_col;
        if (!direct_a) pack_a<mr>(packed_a, a_block, args.a_row, args.a_col, mc, kc);
        // The block's register tiles, the same for every sliver of B.
        const int row_tiles = (mc + mr - 1) / mr;
        std::array<Range, kMaxBlockTiles<Arch>> tile_ranges;
        for (int tile = 0; tile < row_tiles; ++tile) tile_ranges[tile] = row_tile<mr>(mc, row_tiles, tile, tile_cut);
        const auto run_tile = [&](const BSliver& b, int tile) {
          const Range tile_range = tile_ranges[tile];
          const int ir = tile_range.begin;
          const int tile_rows = tile_range.end - tile_range.begin;
          float* c_tile = args.c + static_cast<std::ptrdiff_t>(ic + ir) * args.n + jc + b.jr;
          // B packed ahead is prefetched where that pays (micro_kernel.hpp):
          // by every tile when B's block streams past A's sliver, otherwise
          // only by the first tile of each sliver, the later ones finding it
          // in L1. Prefetching in those later tiles too made the Medium
          // model's full-context generation 2.5 % slower (Intel Xeon, family
          // 6 model 167, one thread: 23.6–24.0 ms against 22.5–23.5, 4 of 4
          // alternated runs).
          const bool prefetch_b = plan.prepacked_b && (order == BlockOrder::a_sliver_in_l1 || tile == 0);
          // A whole sliver: each tile runs at its own height.
          const auto run_sliver = [&](const auto& a_rows) {
            if (single_row) {
              micro_kernel<Arch, 1, false, kSingleRowPhases>(kc, a_rows, b.data, b.step, b.bias, c_tile, args.n,
                                                             add_to_c);
              return;
            }
            with_tile_height<mr>(tile_rows, [&](auto height) {
              constexpr int h = decltype(height)::value;
              if constexpr (TileShape<Arch>::kZmm && h >= kPrefetchMinRows) {
                if (prefetch_b) {
                  prefetching_tile<Arch, h>(kc, a_rows, b.data, b.step, b.bias, c_tile, args.n, add_to_c);
                  return;
                }
              }
              micro_kernel<Arch, h, false>(kc, a_rows, b.data, b.step, b.bias, c_tile, args.n, add_to_c);
            });
          };
          // A ragged sliver: the full tile into a stack tile, its valid part copied out.
          const auto run_edge = [&](const auto& a_rows) {
            if (single_row) {
              micro_kernel<Arch, 1, false, kSingleRowPhases>(kc, a_rows, b.data, b.step, b.bias, edge_tile, nr, false);
            } else {
              micro_kernel<Arch>(kc, a_rows, b.data, b.step, b.bias, edge_tile, nr, false);
            }
            for (int i = 0; i < tile_rows; ++i) {
              float* c_row = c_tile + static_cast<std::ptrdiff_t>(i) * args.n;
              const float* products = edge_tile + i * nr;
              for (int j = 0; j < b.cols; ++j) c_row[j] = add_to_c ? c_row[j] + products[j] : products[j];
            }
          };
          const auto run = [&](const auto& a_rows) { b.cols == nr ? run_sliver(a_rows) : run_edge(a_rows); };
          if (!direct_a) {
            run(PackedRows<mr>{packed_a + static_cast<std::ptrdiff_t>(ir) * kc});
          } else if (b.cols < nr ||
                     !with_strided_rows<kStridedARows<Arch>>(a_block + ir * args.a_row, args.a_row, run_sliver)) {
            DirectRows<mr> a_rows;
            for (int i = 0; i < mr; ++i) a_rows.rows[i] = a_block + std::min(ir + i, mc - 1) * args.a_row;
            run(a_rows);
          }
        };
        // One call site of the tile, whichever operand stays in L1: a second
        // made the small square GEMMs 3–4 % slower on zmm.
        const bool tiles_outer = order == BlockOrder::a_sliver_in_l1;
        const int outer = tiles_outer ? row_tiles : slivers;
        const int inner = tiles_outer ? slivers : row_tiles;
        for (int o = 0; o < outer; ++o) {
          for (int i = 0; i < inner; ++i) run_tile(b_slivers[tiles_outer ? i : o], tiles_outer ? o : i);
        }
      }
    }
  }
}

}  // namespace

template <class Arch>
std::size_t ArchKernels<Arch>::packed_b_floats(int k, int n) {
  return static_cast<std::size_t>(packed_b_block_offset<Arch>(k, n));
}

// The whole of a transposed op(B) [k x n] (column j at b + j·k, contiguous
// along k, as a Linear layer's weight [n, k] is stored) packed as
// blocked_gemm streams it, so every later call reads it with no copy.
template <class Arch>
void ArchKernels<Arch>::pack_b_panels(float* panels, const float* b, int k, int n) {
  const int kc_max = blocking_for(TileShape<Arch>::kMr, TileShape<Arch>::kNr).kc;
  for (int pc = 0; pc < k; pc += kc_max) {
    pack_b<Arch>(panels + packed_b_block_offset<Arch>(pc, n), b + pc, 1, k, std::min(kc_max, k - pc), n);
  }
}

template <class Arch>
void ArchKernels<Arch>::gemm(const GemmArgs& args) {
  if (args.m == 0 || args.n == 0) return;
  const GemmPlan plan = plan_gemm<Arch>(args);
  const int split_extent = plan.split_rows ? args.m : args.n;
  const int threads = thread_count();
  const int max_tasks = threads > 1 && plan.split_is_free() ? threads * kTasksPerThread : threads;
  const int tasks = task_count(2.0 * args.m * args.k * args.n * (args.m == 1 ? kSingleRowCostFactor : 1.0), threads,
                               max_tasks, (split_extent + plan.align - 1) / plan.align);

  parallel_for(tasks, [&](int task) {
    const Range part = split_range(split_extent, tasks, plan.align, task);
    const Range rows = plan.split_rows ? part : Range{0, args.m};
    const Range cols = plan.split_rows ? Range{0, args.n} : part;
    if (!blocked_sets_up_c(args, plan)) initialise_c(args, rows, cols);
    switch (args.k == 0 ? GemmPath::none : plan.path) {
      case GemmPath::none:
        break;
      case GemmPath::dot:
        if (args.m == 1) {
          dot_columns<Arch, 1, kGemvDotCols<Arch>>(args, cols.begin, cols.end);
        } else {
          dot_columns<DotArch<Arch>, kDotRows, kDotCols>(args, cols.begin, cols.end);
        }
        break;
      case GemmPath::gemv:
        gemv_columns<Arch>(args, cols.begin, cols.end);
        break;
      case GemmPath::blocked:
        blocked_gemm<Arch>(args, rows, cols, plan);
        break;
    }
    finish_c<Arch>(args, rows, cols);
  });
}

}  // namespace smp::kernels
