#pragma once
// Causal multi-head self-attention over a key/value store, shared by the
// full-context forward (which refills the store every call) and KV-cache
// decoding (which keeps it between steps).
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

// Every layer's LayerKv, layer_stride floats apart. A stride of 0 lets all
// layers share one slab: a full-context forward never reads an earlier
// layer's keys again.
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

// One slab per head, so heads can run on different threads at once.
struct AttentionScratch {
  float* query;     // [heads, block, head_dim]: each head's query rows
  float* scores;    // [heads, kQueryChunk, block]
  float* probs;     // [heads, kQueryChunk, block]
  float* head_out;  // [heads, block, head_dim]: each head's attended values
};

// For `rows` new positions [start, start + rows): takes their q | k | v from
// qkv [rows, 3d], stores their keys and values in `kv` (which already holds
// positions [0, start)), and writes every head's softmax(q·kᵀ/√head_dim)·v,
// heads side by side, into out [rows, d]. causal_lengths[p] must be p + 1.
// Heads are split across the kernels' thread pool when there is enough work;
// each head's arithmetic is the same either way, so the result is too.
void causal_self_attention(float* out, const AttentionScratch& scratch, LayerKv kv, const float* qkv,
                           const int* causal_lengths, const ModelConfig& config, int start, int rows);

}  // namespace smp::model
