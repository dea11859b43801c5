#pragma once
// Everything a forward pass writes, sized for a full block at creation so a
// forward never allocates: llm.c-style views into one TensorArena.
#include <span>

#include "model/config.hpp"
#include "model/tensor_arena.hpp"

namespace smp::model {

struct Activations {
  std::span<float> residual;   // [block, d]: the residual stream
  std::span<float> normed;     // [block, d]: LayerNorm output (ln1, ln2, final)
  std::span<float> qkv;        // [block, 3d]
  std::span<float> keys;       // [layers, heads, block, head_dim]: the forward's own key store
  std::span<float> values;     // [layers, heads, block, head_dim]
  std::span<float> query;      // [heads, block, head_dim]: attention scratch (attention.hpp)
  std::span<float> scores;     // [heads, kQueryChunk, block]: one slot per thread that attends
  std::span<float> probs;      // [heads, kQueryChunk, block]
  std::span<float> head_out;   // [heads, block, head_dim]
  std::span<float> attention;  // [block, d]: heads side by side
  std::span<float> hidden;     // [block, 4d]: MLP hidden layer, after GELU
  std::span<float> logits;     // [block, vocab]
};

TensorArena allocate_activations(const ModelConfig& config, Activations& views);

}  // namespace smp::model
