#pragma once
// Causal multi-head self-attention over a key/value store, shared by the
// full-context forward (which refills the store every call) and KV-cache
// decoding (which keeps it between steps).
#include <algorithm>
#include <cstddef>

#include "model/config.hpp"

namespace smp::model {

// One layer's keys and values: head h's positions are the rows of a
// [block, head_dim] matrix at keys + h·block·head_dim (likewise values), so
// each head's visible prefix is one contiguous matrix for the GEMM.
struct LayerKv {
  float* keys;
  float* values;
};

// Every layer's LayerKv, layer_stride floats apart.
struct KvStore {
  float* keys;
  float* values;
  std::size_t layer_stride;

  LayerKv layer(int index) const {
    const std::size_t offset = layer_stride * static_cast<std::size_t>(index);
    return {keys + offset, values + offset};
  }
};

// Query rows attend in chunks so each chunk multiplies only the keys its last
// row can see: the causal triangle, not the whole square. Chunks of 12 rows
// stay on the dot-product GEMM path (small M) on every kernel path.
inline constexpr int kQueryChunk = 12;

// The query chunk [begin, end) that row `row` of a pass of `rows` new rows
// falls in; the chunk's last row, and so the chunk, sees start + end keys.
struct QueryChunk {
  int begin;
  int end;
};
inline QueryChunk query_chunk(int row, int rows) {
  const int begin = row / kQueryChunk * kQueryChunk;
  return {begin, std::min(begin + kQueryChunk, rows)};
}

// Scratch slots: one per thread that attends at once. Heads split across the
// pool use slot = head; parts of a row split (row_parts.hpp) use slot = part,
// so there are never more parts than heads.
struct AttentionScratch {
  float* query;     // [heads, block, head_dim]: each head's query rows
  float* scores;    // [heads, kQueryChunk, block]: slots
  float* probs;     // [heads, kQueryChunk, block]: slots
  float* head_out;  // [heads, block, head_dim]: each head's attended values
};

// One layer's attention in a forward pass of `rows` new positions
// [start, start + rows); `kv` already holds positions [0, start).
// causal_lengths[p] must be p + 1.
struct AttentionPass {
  const ModelConfig& config;
  LayerKv kv;
  AttentionScratch scratch;
  const int* causal_lengths;
  int start;
  int rows;
};

// Takes the q | k | v of the pass's rows [first, end) (row r of the pass at
// qkv + r·3d) and stores their queries in the scratch and their keys and
// values in the store.
void store_queries_and_kv(const AttentionPass& pass, const float* qkv, int first, int end);

// For the pass's rows [first, end), whose queries and every earlier
// position's keys and values are stored: writes every head's
// softmax(q·kᵀ/√head_dim)·v, heads side by side, into rows [first, end) of
// out [rows, d], on the calling thread with scratch slot `slot`. A row's
// result does not depend on how the pass's rows are cut into such calls.
void attend_rows(float* out, const AttentionPass& pass, int first, int end, int slot);

// The whole pass: stores every row, then attends every row, with heads split
// across the kernels' thread pool when there is enough work; each head's
// arithmetic is the same either way, so the result is too.
void causal_self_attention(float* out, const AttentionPass& pass, const float* qkv);

}  // namespace smp::model
