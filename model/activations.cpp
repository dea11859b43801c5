#include "model/activations.hpp"

#include "model/attention.hpp"

namespace smp::model {

TensorArena allocate_activations(const ModelConfig& config, Activations& views) {
  return carve_tensors(views, [&config](Activations& a, auto&& bind) {
    const int block = config.block;
    const int d = config.d_model;
    a.residual = bind("residual", {block, d});
    a.normed = bind("normed", {block, d});
    a.qkv = bind("qkv", {block, 3 * d});
    a.keys = bind("keys", {config.layers, config.heads, block, config.head_dim()});
    a.values = bind("values", {config.layers, config.heads, block, config.head_dim()});
    a.query = bind("query", {config.heads, block, config.head_dim()});
    a.scores = bind("scores", {config.heads, kQueryChunk, block});
    a.probs = bind("probs", {config.heads, kQueryChunk, block});
    a.head_out = bind("head_out", {config.heads, block, config.head_dim()});
    a.attention = bind("attention", {block, d});
    a.hidden = bind("hidden", {block, 4 * d});
    a.logits = bind("logits", {block, config.vocab});
  });
}

}  // namespace smp::model
