#include "model/gpt.hpp"

#include <numeric>
#include <string>

#include "kernels/kernels.hpp"
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
  // A full-context pass needs a layer's keys and values only while that layer
  // runs, so every layer shares one slab (layer stride 0).
  return {acts_.keys.data(), acts_.values.data(), 0};
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

// Shapes: t new rows, d = d_model; x is the residual stream [t, d]. Each
// branch's output projection adds straight into x (the residual epilogue) and
// the MLP's up-projection applies GELU as it writes (the GELU epilogue).
std::span<const float> Gpt::run(std::span<const int> tokens, int start, const KvStore& kv, LogitRows rows) {
  check_tokens(config_, tokens, start);
  namespace k = smp::kernels;
  const int t = static_cast<int>(tokens.size());
  const int d = config_.d_model;
  float* x = acts_.residual.data();
  float* normed = acts_.normed.data();
  const AttentionScratch scratch{acts_.query.data(), acts_.scores.data(), acts_.probs.data(), acts_.head_out.data()};

  embed(x, tokens, start);
  for (int l = 0; l < config_.layers; ++l) {
    const LayerParameters& p = params_.layers[static_cast<std::size_t>(l)];
    const PackedLayerLinears& w = linears_.layer(l);
    k::layernorm(normed, x, p.ln1_gain.data(), p.ln1_bias.data(), t, d);
    // qkv [t, 3d]: each row is q | k | v
    k::matmul_bt(acts_.qkv.data(), normed, w.qkv, p.qkv_bias.data(), t);
    causal_self_attention(acts_.attention.data(), scratch, kv.layer(l), acts_.qkv.data(), causal_lengths_.data(),
                          config_, start, t);
    k::matmul_bt_residual(x, acts_.attention.data(), w.proj, p.proj_bias.data(), t);
    k::layernorm(normed, x, p.ln2_gain.data(), p.ln2_bias.data(), t, d);
    k::matmul_bt_gelu(acts_.hidden.data(), normed, w.fc, p.fc_bias.data(), t);
    k::matmul_bt_residual(x, acts_.hidden.data(), w.fc2, p.fc2_bias.data(), t);
  }
  // Generation needs only the last row's logits: LayerNorm and head run on it alone.
  const int first = rows == LogitRows::all ? 0 : t - 1;
  const int count = t - first;
  k::layernorm(normed, x + static_cast<std::ptrdiff_t>(first) * d, params_.final_gain.data(),
               params_.final_bias.data(), count, d);
  k::matmul_bt(acts_.logits.data(), normed, linears_.head(), nullptr, count);
  return acts_.logits.first(static_cast<std::size_t>(count) * static_cast<std::size_t>(config_.vocab));
}

}  // namespace smp::model
