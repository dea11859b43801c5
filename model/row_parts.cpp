#include "model/row_parts.hpp"

#include <algorithm>
#include <cmath>

#include "model/attention.hpp"

namespace smp::model {
namespace {

// Attention's time per FLOP against the GEMMs': its products are a dozen rows
// against 32-float heads, with a softmax between. Measured on an Intel Xeon
// VM (family 6 model 167, one thread): Medium's attention ran at 21 GFLOPS,
// its GEMMs at 156.
constexpr double kAttentionSlowdown = 7.0;

// Row r's work in one layer: its GEMMs (24·d² FLOPs, the same for every row)
// and its attention over the keys its query chunk sees (4·d FLOPs per key).
double row_cost(const PassShape& pass, int r) {
  const double d = pass.d_model;
  const int visible = pass.start + query_chunk(r, pass.rows).end;
  return 24.0 * d * d + kAttentionSlowdown * 4.0 * d * visible;
}

// True when a boundary at `row` leaves no query chunk with a single row on
// either side.
bool splits_no_lone_row(const PassShape& pass, int row) {
  const QueryChunk chunk = query_chunk(std::min(row, pass.rows - 1), pass.rows);
  return row <= chunk.begin || row >= chunk.end || (row - chunk.begin >= 2 && chunk.end - row >= 2);
}

// Where part `part` starts: of the rows that leave no lone row of a query
// chunk, the one whose preceding rows' cost comes nearest the part's share,
// on whichever side of the even split it lies. (Medium's 26-row pass, Intel
// Xeon VM, family 6 model 167, 2 threads: 550 µs as 14 + 12 rows against
// 631–637 µs as 12 + 14, always moving back to the chunk's start.)
int boundary(const PassShape& pass, int parts, int part) {
  if (part == 0) return 0;
  if (part == parts) return pass.rows;
  double total = 0.0;
  for (int r = 0; r < pass.rows; ++r) total += row_cost(pass, r);
  const double share = total * part / parts;
  int best = 0;
  double best_gap = share;
  double before = 0.0;
  for (int row = 0; row <= pass.rows; ++row) {
    if (splits_no_lone_row(pass, row) && std::abs(before - share) < best_gap) {
      best = row;
      best_gap = std::abs(before - share);
    }
    if (row < pass.rows) before += row_cost(pass, row);
  }
  return best;
}

}  // namespace

int row_part_count(const PassShape& pass, int threads, int max_parts) {
  const int min_rows =
      pass.weights == kernels::WeightResidency::streamed ? kMinRowsPerPartStreamed : kMinRowsPerPart;
  return std::max(1, std::min({threads, max_parts, pass.rows / min_rows}));
}

RowRange row_part(const PassShape& pass, int parts, int part) {
  return {boundary(pass, parts, part), boundary(pass, parts, part + 1)};
}

}  // namespace smp::model
