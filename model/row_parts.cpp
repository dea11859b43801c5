#include "model/row_parts.hpp"

#include <algorithm>

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

// Where part `part` starts: the first row whose preceding rows carry at least
// the part's share of the cost; inside a query chunk, moved to the chunk's
// end or back to its start when it would leave one row on a side.
int boundary(const PassShape& pass, int parts, int part) {
  if (part == 0) return 0;
  if (part == parts) return pass.rows;
  double total = 0.0;
  for (int r = 0; r < pass.rows; ++r) total += row_cost(pass, r);
  const double share = total * part / parts;
  int even = 0;
  for (double before = 0.0; even < pass.rows && before + row_cost(pass, even) / 2 < share; ++even) {
    before += row_cost(pass, even);
  }
  const QueryChunk chunk = query_chunk(even, pass.rows);
  if (even == chunk.begin || even == pass.rows) return even;
  if (even - chunk.begin == 1) return chunk.begin;
  if (chunk.end - even == 1) return chunk.end;
  return even;
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
