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
namespace smp::model {

struct RowRange {
  int begin;
  int end;

  int size() const { return end - begin; }
};

// A forward pass as the split sees it: `rows` new rows at positions
// [start, start + rows) of a model of width d_model.
struct PassShape {
  int rows;
  int start;
  int d_model;
};

// Rows a part takes at least: below this a part's GEMMs are too short to
// repay the wait for the keys and values before it, and too thin for the
// weights they stream (on a 2-core Intel Xeon VM, family 6 model 167,
// Medium's GEMMs of 5 rows a part ran 1.1x faster than on one thread, of 11
// rows 1.9x).
inline constexpr int kMinRowsPerPart = 6;

// Parts for `pass` with `threads` threads: at most `max_parts`, and 1 (no
// split) when the rows are too few to share.
int row_part_count(const PassShape& pass, int threads, int max_parts);

// Rows of part `part` of `parts` (row_part_count's) over [0, pass.rows):
// parts in order, each at least two rows, of near-equal cost. A later row
// costs more, as it attends to more keys.
RowRange row_part(const PassShape& pass, int parts, int part);

}  // namespace smp::model
