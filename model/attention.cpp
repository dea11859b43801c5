#include "model/attention.hpp"

#include <algorithm>
#include <cmath>

#include "kernels/kernels.hpp"
#include "kernels/threading/thread_pool.hpp"

namespace smp::model {
namespace {

// Attention work (FLOPs over all heads) from which heads are split across
// threads: about 1 µs, above the cost of handing a spinning worker a head.
constexpr double kSplitAttentionFlops = 0.1e6;

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
  const std::size_t chunk_stride = static_cast<std::size_t>(kQueryChunk) * static_cast<std::size_t>(config.block);
  const float score_scale = 1.0f / std::sqrt(static_cast<float>(head_dim));
  const auto attend_head = [&](int head) {
    const auto h = static_cast<std::size_t>(head);
    float* keys = kv.keys + head_stride * h;
    float* values = kv.values + head_stride * h;
    float* query_rows = scratch.query + head_stride * h;
    float* scores = scratch.scores + chunk_stride * h;
    float* probs = scratch.probs + chunk_stride * h;
    float* head_out = scratch.head_out + head_stride * h;
    const std::ptrdiff_t new_rows = static_cast<std::ptrdiff_t>(start) * head_dim;
    gather_head(query_rows, keys + new_rows, values + new_rows, qkv, head, rows, config);
    for (int first = 0; first < rows; first += kQueryChunk) {
      const int chunk = std::min(kQueryChunk, rows - first);
      const int visible = start + first + chunk;  // keys the chunk's last row attends to
      const float* query = query_rows + static_cast<std::ptrdiff_t>(first) * head_dim;
      kernels::matmul_bt(scores, query, keys, nullptr, chunk, head_dim, visible);
      kernels::scale(scores, scores, score_scale, static_cast<std::size_t>(chunk) * visible);
      kernels::softmax(probs, scores, chunk, visible, causal_lengths + start + first);
      kernels::matmul(head_out + static_cast<std::ptrdiff_t>(first) * head_dim, probs, values, nullptr, chunk,
                      visible, head_dim);
    }
    scatter_head(out, head_out, head, rows, config);
  };
  // Heads go to the pool only when each carries enough work (≈ 2·rows·visible·head_dim
  // multiply-adds) to repay waking a worker; a decode step's single row does not.
  const double head_flops = 4.0 * rows * (start + rows) * head_dim;
  const bool split = kernels::thread_count() > 1 && head_flops * config.heads >= kSplitAttentionFlops;
  if (split) {
    kernels::parallel_for(config.heads, attend_head);
  } else {
    for (int head = 0; head < config.heads; ++head) attend_head(head);
  }
}

}  // namespace smp::model
