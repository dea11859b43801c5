#include "model/attention.hpp"

#include <algorithm>
#include <cmath>

#include "kernels/kernels.hpp"

namespace smp::model {
namespace {

// Copies head h of each fused q | k | v row into the head-major layouts the
// GEMMs read: query rows into `query`, keys and values into the store.
void gather_head(float* query, float* keys, float* values, const float* qkv, int head, int rows,
                 const ModelConfig& config) {
  const int d = config.d_model;
  const int head_dim = config.head_dim();
  for (int r = 0; r < rows; ++r) {
    const float* row = qkv + static_cast<std::ptrdiff_t>(r) * 3 * d + head * head_dim;
    const std::ptrdiff_t at = static_cast<std::ptrdiff_t>(r) * head_dim;
    std::copy_n(row, head_dim, query + at);
    std::copy_n(row + d, head_dim, keys + at);
    std::copy_n(row + 2 * d, head_dim, values + at);
  }
}

// Writes one head's [rows, head_dim] output into its columns of out [rows, d].
void scatter_head(float* out, const float* head_out, int head, int rows, const ModelConfig& config) {
  const int head_dim = config.head_dim();
  for (int r = 0; r < rows; ++r) {
    std::copy_n(head_out + static_cast<std::ptrdiff_t>(r) * head_dim, head_dim,
                out + static_cast<std::ptrdiff_t>(r) * config.d_model + head * head_dim);
  }
}

}  // namespace

void causal_self_attention(float* out, const AttentionScratch& scratch, LayerKv kv, const float* qkv,
                           const int* causal_lengths, const ModelConfig& config, int start, int rows) {
  const int head_dim = config.head_dim();
  const std::size_t head_stride = static_cast<std::size_t>(config.block) * static_cast<std::size_t>(head_dim);
  const float score_scale = 1.0f / std::sqrt(static_cast<float>(head_dim));
  for (int head = 0; head < config.heads; ++head) {
    float* keys = kv.keys + head_stride * static_cast<std::size_t>(head);
    float* values = kv.values + head_stride * static_cast<std::size_t>(head);
    const std::ptrdiff_t new_rows = static_cast<std::ptrdiff_t>(start) * head_dim;
    gather_head(scratch.query, keys + new_rows, values + new_rows, qkv, head, rows, config);
    for (int first = 0; first < rows; first += kQueryChunk) {
      const int chunk = std::min(kQueryChunk, rows - first);
      const int visible = start + first + chunk;  // keys the chunk's last row attends to
      const float* query = scratch.query + static_cast<std::ptrdiff_t>(first) * head_dim;
      kernels::matmul_bt(scratch.scores, query, keys, nullptr, chunk, head_dim, visible);
      kernels::scale(scratch.scores, scratch.scores, score_scale, static_cast<std::size_t>(chunk) * visible);
      kernels::softmax(scratch.probs, scratch.scores, chunk, visible, causal_lengths + start + first);
      kernels::matmul(scratch.head_out + static_cast<std::ptrdiff_t>(first) * head_dim, scratch.probs, values,
                      nullptr, chunk, visible, head_dim);
    }
    scatter_head(out, scratch.head_out, head, rows, config);
  }
}

}  // namespace smp::model
