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

// Where head h's [block, head_dim] slab starts in the store and the scratch.
std::size_t head_offset(const ModelConfig& config, int head) {
  return static_cast<std::size_t>(config.block) * static_cast<std::size_t>(config.head_dim()) *
         static_cast<std::size_t>(head);
}

// Copies head h of the pass's fused q | k | v rows [first, end) into the
// head-major layouts the GEMMs read: query rows into the scratch, keys and
// values into the store at their positions.
void store_head(const AttentionPass& pass, const float* qkv, int head, int first, int end) {
  const int d = pass.config.d_model;
  const int head_dim = pass.config.head_dim();
  const std::size_t offset = head_offset(pass.config, head);
  for (int r = first; r < end; ++r) {
    const float* row = qkv + static_cast<std::ptrdiff_t>(r) * 3 * d + head * head_dim;
    const std::ptrdiff_t query_at = static_cast<std::ptrdiff_t>(r) * head_dim;
    const std::ptrdiff_t position_at = static_cast<std::ptrdiff_t>(pass.start + r) * head_dim;
    std::copy_n(row, head_dim, pass.scratch.query + offset + query_at);
    std::copy_n(row + d, head_dim, pass.kv.keys + offset + position_at);
    std::copy_n(row + 2 * d, head_dim, pass.kv.values + offset + position_at);
  }
}

// Head h of rows [first, end), in the query chunks of the whole pass: a chunk
// multiplies the keys its last row can see, whichever of its rows this call
// takes, so each row's GEMMs have the same shape however the pass is cut (as
// long as no piece of a chunk is a single row of a longer one: row_parts.hpp).
void attend_head(float* out, const AttentionPass& pass, int head, int first, int end, int slot) {
  const int head_dim = pass.config.head_dim();
  const std::size_t offset = head_offset(pass.config, head);
  const std::size_t chunk_stride = static_cast<std::size_t>(kQueryChunk) * static_cast<std::size_t>(pass.config.block);
  const float* keys = pass.kv.keys + offset;
  const float* values = pass.kv.values + offset;
  const float* query_rows = pass.scratch.query + offset;
  float* head_out = pass.scratch.head_out + offset;
  float* scores = pass.scratch.scores + chunk_stride * static_cast<std::size_t>(slot);
  float* probs = pass.scratch.probs + chunk_stride * static_cast<std::size_t>(slot);
  const float score_scale = 1.0f / std::sqrt(static_cast<float>(head_dim));
  for (int piece_begin = first; piece_begin < end;) {
    const QueryChunk chunk = query_chunk(piece_begin, pass.rows);
    const int piece_rows = std::min(chunk.end, end) - piece_begin;
    const int visible = pass.start + chunk.end;
    const float* query = query_rows + static_cast<std::ptrdiff_t>(piece_begin) * head_dim;
    kernels::matmul_bt(scores, query, keys, nullptr, piece_rows, head_dim, visible);
    kernels::scale(scores, scores, score_scale, static_cast<std::size_t>(piece_rows) * visible);
    kernels::softmax(probs, scores, piece_rows, visible, pass.causal_lengths + pass.start + piece_begin);
    kernels::matmul(head_out + static_cast<std::ptrdiff_t>(piece_begin) * head_dim, probs, values, nullptr,
                    piece_rows, visible, head_dim);
    piece_begin += piece_rows;
  }
  // This head's rows into its columns of out [rows, d].
  for (int r = first; r < end; ++r) {
    std::copy_n(head_out + static_cast<std::ptrdiff_t>(r) * head_dim, head_dim,
                out + static_cast<std::ptrdiff_t>(r) * pass.config.d_model + head * head_dim);
  }
}

}  // namespace

void store_queries_and_kv(const AttentionPass& pass, const float* qkv, int first, int end) {
  for (int head = 0; head < pass.config.heads; ++head) store_head(pass, qkv, head, first, end);
}

void attend_rows(float* out, const AttentionPass& pass, int first, int end, int slot) {
  for (int head = 0; head < pass.config.heads; ++head) attend_head(out, pass, head, first, end, slot);
}

void causal_self_attention(float* out, const AttentionPass& pass, const float* qkv) {
  const auto whole_head = [&](int head) {
    store_head(pass, qkv, head, 0, pass.rows);
    attend_head(out, pass, head, 0, pass.rows, head);
  };
  // Heads go to the pool only when each carries enough work (≈ 2·rows·visible·head_dim
  // multiply-adds) to repay waking a worker; a decode step's single row does not.
  const double head_flops = 4.0 * pass.rows * (pass.start + pass.rows) * pass.config.head_dim();
  const bool split = kernels::thread_count() > 1 && head_flops * pass.config.heads >= kSplitAttentionFlops;
  if (split) {
    kernels::parallel_for(pass.config.heads, whole_head);
  } else {
    for (int head = 0; head < pass.config.heads; ++head) whole_head(head);
  }
}

}  // namespace smp::model
