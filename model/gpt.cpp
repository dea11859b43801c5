#include "model/gpt.hpp"

#include <algorithm>
#include <numeric>
#include <string>

#include "kernels/kernels.hpp"
#include "kernels/threading/thread_pool.hpp"
#include "kernels/threading/wait_for_change.hpp"
#include "report/common/errors.hpp"

namespace smp::model {
namespace {

void check_tokens(const ModelConfig& config, std::span<const int> tokens, int start) {
  if (tokens.empty()) throw UsageError("a forward pass needs at least one token");
  const auto end = static_cast<std::size_t>(start) + tokens.size();
  if (end > static_cast<std::size_t>(config.block)) {
    throw UsageError("context of " + std::to_string(end) + " tokens exceeds the block size " +
                     std::to_string(config.block) + " (crop it to the last " + std::to_string(config.block) +
                     " tokens)");
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i] < 0 || tokens[i] >= config.vocab) {
      throw UsageError("token id " + std::to_string(tokens[i]) + " at position " + std::to_string(i) +
                       " is outside the vocabulary [0, " + std::to_string(config.vocab) + ")");
    }
  }
}

const ModelConfig& validated(const ModelConfig& config) {
  validate(config);
  return config;
}

}  // namespace

Gpt::Gpt(const ModelConfig& config, std::uint64_t seed) : config_(validated(config)) {
  parameter_arena_ = allocate_parameters(config_, params_);
  initialise_parameters(config_, params_, seed);
  linears_ = PackedLinears(config_, params_);
  activation_arena_ = allocate_activations(config_, acts_);
  causal_lengths_.resize(static_cast<std::size_t>(config_.block));
  std::iota(causal_lengths_.begin(), causal_lengths_.end(), 1);
}

std::span<const float> Gpt::forward(std::span<const int> tokens) {
  return run(tokens, 0, own_kv(), LogitRows::all);
}

std::span<const float> Gpt::forward_last(std::span<const int> tokens) {
  return run(tokens, 0, own_kv(), LogitRows::last);
}

KvStore Gpt::own_kv() {
  // One slab per layer, although a full-context pass reads a layer's keys and
  // values only while that layer runs: row parts (row_parts.hpp) run layers
  // at their own pace, and one part's next layer must not overwrite keys
  // another part is still reading.
  return {acts_.keys.data(), acts_.values.data(), acts_.keys.size() / static_cast<std::size_t>(config_.layers)};
}

// x[i] = token embedding of tokens[i] + position embedding of start + i, for
// each of the t new rows of the residual stream.
void Gpt::embed(float* x, std::span<const int> tokens, int start) const {
  const int d = config_.d_model;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto row = static_cast<std::ptrdiff_t>(i);
    kernels::add(x + row * d, params_.token_embedding.data() + static_cast<std::ptrdiff_t>(tokens[i]) * d,
                 params_.position_embedding.data() + (start + row) * d, static_cast<std::size_t>(d));
  }
}

// Shapes: t new rows, d = d_model; x is the residual stream [t, d]. The rows
// run in parts, one per thread, when there are enough of them (row_parts.hpp);
// then what only the logit rows need runs on the whole pool.
std::span<const float> Gpt::run(std::span<const int> tokens, int start, const KvStore& kv, LogitRows logit_rows) {
  check_tokens(config_, tokens, start);
  namespace k = smp::kernels;
  const int t = static_cast<int>(tokens.size());
  const int d = config_.d_model;
  const PassShape shape{t, start, d, linears_.residency()};
  const int parts = row_part_count(shape, k::thread_count(), std::min(config_.heads, kMaxRowParts));
  const PassRows pass{tokens, start, kv, parts};
  if (parts == 1) {
    run_layers(pass, {0, t}, 0, logit_rows);
  } else {
    for (int part = 0; part < parts; ++part) part_progress_[static_cast<std::size_t>(part)].layers_stored.store(0);
    k::parallel_for(parts, [&](int part) { run_layers(pass, row_part(shape, parts, part), part, logit_rows); });
  }
  // Generation needs only the last row's logits, and the last layer's other
  // rows feed nothing but their keys and values: the rest of that layer, the
  // final LayerNorm and the head run on the last row alone.
  const int first = logit_rows == LogitRows::all ? 0 : t - 1;
  const int count = t - first;
  if (logit_rows == LogitRows::last) {
    const int last_layer = config_.layers - 1;
    attend_rows(acts_.attention.data(), attention_pass(pass, last_layer), first, t, 0);
    finish_layer(last_layer, {first, t});
  }
  float* x = acts_.residual.data();
  float* normed = acts_.normed.data();
  k::layernorm(normed, x + static_cast<std::ptrdiff_t>(first) * d, params_.final_gain.data(),
               params_.final_bias.data(), count, d);
  k::matmul_bt(acts_.logits.data(), normed, linears_.head(), nullptr, count);
  return acts_.logits.first(static_cast<std::size_t>(count) * static_cast<std::size_t>(config_.vocab));
}

AttentionPass Gpt::attention_pass(const PassRows& pass, int l) const {
  const AttentionScratch scratch{acts_.query.data(), acts_.scores.data(), acts_.probs.data(), acts_.head_out.data()};
  return {config_, pass.kv.layer(l), scratch, causal_lengths_.data(), pass.start, static_cast<int>(pass.tokens.size())};
}

void Gpt::project_qkv(int l, RowRange rows) {
  const int d = config_.d_model;
  const LayerParameters& p = params_.layers[static_cast<std::size_t>(l)];
  float* normed = acts_.normed.data() + static_cast<std::ptrdiff_t>(rows.begin) * d;
  kernels::layernorm(normed, acts_.residual.data() + static_cast<std::ptrdiff_t>(rows.begin) * d, p.ln1_gain.data(),
                     p.ln1_bias.data(), rows.size(), d);
  // qkv [t, 3d]: each row is q | k | v
  kernels::matmul_bt(acts_.qkv.data() + static_cast<std::ptrdiff_t>(rows.begin) * 3 * d, normed,
                     linears_.layer(l).qkv, p.qkv_bias.data(), rows.size());
}

// The output projection adds straight into x (the residual epilogue) and the
// MLP's up-projection applies GELU as it writes (the GELU epilogue).
void Gpt::finish_layer(int l, RowRange rows) {
  namespace k = smp::kernels;
  const int d = config_.d_model;
  const int m = rows.size();
  const auto at = [&](std::span<float> tensor, int width) {
    return tensor.data() + static_cast<std::ptrdiff_t>(rows.begin) * width;
  };
  float* x = at(acts_.residual, d);
  float* normed = at(acts_.normed, d);
  float* hidden = at(acts_.hidden, 4 * d);
  const LayerParameters& p = params_.layers[static_cast<std::size_t>(l)];
  const PackedLayerLinears& w = linears_.layer(l);
  k::matmul_bt_residual(x, at(acts_.attention, d), w.proj, p.proj_bias.data(), m);
  k::layernorm(normed, x, p.ln2_gain.data(), p.ln2_bias.data(), m, d);
  k::matmul_bt_gelu(hidden, normed, w.fc, p.fc_bias.data(), m);
  k::matmul_bt_residual(x, hidden, w.fc2, p.fc2_bias.data(), m);
}

// With several parts, part p publishes each layer's keys and values and waits
// for those of parts before it, the only rows it reads besides its own.
void Gpt::run_layers(const PassRows& pass, RowRange rows, int part, LogitRows logit_rows) {
  embed(acts_.residual.data() + static_cast<std::ptrdiff_t>(rows.begin) * config_.d_model,
        pass.tokens.subspan(static_cast<std::size_t>(rows.begin), static_cast<std::size_t>(rows.size())),
        pass.start + rows.begin);
  for (int l = 0; l < config_.layers; ++l) {
    const AttentionPass attend = attention_pass(pass, l);
    project_qkv(l, rows);
    if (logit_rows == LogitRows::last && l == config_.layers - 1) {
      // run() attends for the last row once every part has stored its keys and values.
      store_queries_and_kv(attend, acts_.qkv.data(), rows.begin, rows.end);
      return;
    }
    if (pass.parts == 1) {
      causal_self_attention(acts_.attention.data(), attend, acts_.qkv.data());
    } else {
      store_queries_and_kv(attend, acts_.qkv.data(), rows.begin, rows.end);
      std::atomic<int>& stored = part_progress_[static_cast<std::size_t>(part)].layers_stored;
      stored.store(l + 1, std::memory_order_release);
      stored.notify_all();
      for (int before = 0; before < part; ++before) {
        const std::atomic<int>& theirs = part_progress_[static_cast<std::size_t>(before)].layers_stored;
        int seen = theirs.load(std::memory_order_acquire);
        while (seen <= l) seen = kernels::wait_for_change(theirs, seen);
      }
      attend_rows(acts_.attention.data(), attend, rows.begin, rows.end, part);
    }
    finish_layer(l, rows);
  }
}

}  // namespace smp::model
