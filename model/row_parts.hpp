#pragma once
// How a forward pass's new rows are cut into parts, one per thread, each run
// through every layer by one thread. Rows interact only in attention, so a
// part needs nothing of the others but the keys and values of the rows before
// its own; everything else it reads it wrote itself, in its own core's cache.
// (Splitting each GEMM across threads instead makes every layer's output cross
// between cores: on a 2-core Intel Xeon VM, family 6 model 167, Small's
// full-context pass ran no faster on 2 threads than on 1 that way.)
//
// Part boundaries keep each row's arithmetic what it is in one part: a
// boundary never leaves a single row of a query chunk on either side, as a
// one-row GEMM takes a different path (attention.hpp, kQueryChunk), and every
// part has at least two rows.
#include "kernels/packed_weight.hpp"

namespace smp::model {

struct RowRange {
  int begin;
  int end;

  int size() const { return end - begin; }
};

// A forward pass as the split sees it: `rows` new rows at positions
// [start, start + rows) of a model of width d_model, whose weights stay in a
// core's L2 or stream past it.
struct PassShape {
  int rows;
  int start;
  int d_model;
  kernels::WeightResidency weights = kernels::WeightResidency::cached;
};

// Rows a part takes at least: below this a part's GEMMs are too short to
// repay the wait for the keys and values before it (on a 2-core Intel Xeon
// VM, family 6 model 167, Small's full-context generation on 2 threads ran
// 4.8 % slower with at least 8 rows a part than with 6; 10 of 10 pairs).
inline constexpr int kMinRowsPerPart = 6;

// The same where the weights stream from beyond L2: every part streams all of
// them, and up to about 9 rows a GEMM chain takes the stream's time whatever
// its rows, so parts of few rows gain little. A pass too short to split runs
// each GEMM across the threads by columns instead, each thread streaming its
// share of the weights. On the same VM, Medium's passes of 12–14 rows ran
// 1.44–1.46x faster on 2 threads than on 1 as columns, those of 13–14 rows
// 1.12–1.25x as parts of 6–7 rows, and its full-context generation ran
// 1–2.4 % faster with at least 8 rows a part than with 6 (three interleaved
// comparisons of 10–30 pairs; at least 10: no faster; never parts: 8.6 %
// slower).
inline constexpr int kMinRowsPerPartStreamed = 8;

// Parts for `pass` with `threads` threads: at most `max_parts`, and 1 (no
// split) when the rows are too few to share.
int row_part_count(const PassShape& pass, int threads, int max_parts);

// Rows of part `part` of `parts` (row_part_count's) over [0, pass.rows):
// parts in order, each at least two rows, of near-equal cost. A later row
// costs more, as it attends to more keys.
RowRange row_part(const PassShape& pass, int parts, int part);

}  // namespace smp::model
