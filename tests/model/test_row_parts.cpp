#include <vector>

#include <catch2/catch.hpp>

#include "model/attention.hpp"
#include "model/row_parts.hpp"

using smp::model::kQueryChunk;
using smp::model::PassShape;
using smp::model::RowRange;

namespace {

std::vector<RowRange> parts_of(const PassShape& pass, int parts) {
  std::vector<RowRange> ranges;
  for (int part = 0; part < parts; ++part) ranges.push_back(smp::model::row_part(pass, parts, part));
  return ranges;
}

}  // namespace

TEST_CASE("row parts: too few rows for a thread each stay one part", "[model][threads]") {
  CHECK(smp::model::row_part_count({1, 0, 128}, 2, 8) == 1);
  CHECK(smp::model::row_part_count({2 * smp::model::kMinRowsPerPart - 1, 0, 128}, 2, 8) == 1);
  CHECK(smp::model::row_part_count({2 * smp::model::kMinRowsPerPart, 0, 128}, 2, 8) == 2);
  CHECK(smp::model::row_part_count({100, 0, 128}, 1, 8) == 1);
  CHECK(smp::model::row_part_count({100, 0, 128}, 8, 4) == 4);  // never more parts than scratch slots
}

TEST_CASE("row parts: weights that stream past L2 need more rows a part", "[model][threads]") {
  using smp::kernels::WeightResidency;
  constexpr int kStreamedPair = 2 * smp::model::kMinRowsPerPartStreamed;
  static_assert(smp::model::kMinRowsPerPartStreamed > smp::model::kMinRowsPerPart);
  CHECK(smp::model::row_part_count({kStreamedPair - 1, 0, 256, WeightResidency::streamed}, 2, 8) == 1);
  CHECK(smp::model::row_part_count({kStreamedPair - 1, 0, 256, WeightResidency::cached}, 2, 8) == 2);
  CHECK(smp::model::row_part_count({kStreamedPair, 0, 256, WeightResidency::streamed}, 2, 8) == 2);
  CHECK(smp::model::row_part_count({4 * smp::model::kMinRowsPerPartStreamed, 0, 256, WeightResidency::streamed}, 8,
                                   8) == 4);
}

// The properties that keep every row's arithmetic the same as in one part.
TEST_CASE("row parts: cover the rows in order, at least two rows each, no lone row of a query chunk",
          "[model][threads]") {
  for (const int d : {128, 256}) {
    for (const int start : {0, 5, 40}) {
      for (int rows = 1; rows <= 160; ++rows) {
        const PassShape pass{rows, start, d};
        for (int threads = 2; threads <= 8; ++threads) {
          const int parts = smp::model::row_part_count(pass, threads, 8);
          INFO("d " << d << " start " << start << " rows " << rows << " parts " << parts);
          const std::vector<RowRange> ranges = parts_of(pass, parts);
          CHECK(ranges.front().begin == 0);
          CHECK(ranges.back().end == rows);
          for (std::size_t i = 0; i < ranges.size(); ++i) {
            if (i > 0) CHECK(ranges[i].begin == ranges[i - 1].end);
            if (parts > 1) CHECK(ranges[i].size() >= 2);
            const int cut = ranges[i].begin;
            const int chunk_begin = cut / kQueryChunk * kQueryChunk;
            const int chunk_end = std::min(chunk_begin + kQueryChunk, rows);
            if (cut > chunk_begin && cut < chunk_end) {
              CHECK(cut - chunk_begin >= 2);
              CHECK(chunk_end - cut >= 2);
            }
          }
        }
      }
    }
  }
}

TEST_CASE("row parts: later rows attend to more keys, so later parts take no more rows", "[model][threads]") {
  // 24 rows of a d=256 model: even halves, as attention is a small share of each row.
  const std::vector<RowRange> halves = parts_of({24, 0, 256}, 2);
  CHECK(halves[0].end == 12);
  // A long context makes attention a larger share: the later part is shorter.
  const std::vector<RowRange> late = parts_of({40, 80, 128}, 2);
  CHECK(late[0].size() > late[1].size());
  CHECK(late[1].size() >= 40 / 2 - 6);
}

TEST_CASE("row parts: a boundary kept off a lone row moves to the side nearer an even split", "[model][threads]") {
  // 26 rows: the even boundary, 13, would leave row 12 alone in its chunk [12, 24). Row 14 leaves the
  // first part 14 rows of cheaper attention against the second's 12 rows seeing more keys, nearer an
  // even split than row 12 (12 against 14).
  const std::vector<RowRange> parts = parts_of({26, 0, 256, smp::kernels::WeightResidency::streamed}, 2);
  CHECK(parts[0].end == 14);
}
