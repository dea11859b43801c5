#include "model/init.hpp"

#include <algorithm>
#include <cmath>

#include "model/rng.hpp"

namespace smp::model {
namespace {

constexpr float kEmbeddingRange = 0.02f;

void fill_uniform(Rng& rng, std::span<float> tensor, float limit) {
  for (float& value : tensor) value = rng.uniform(-limit, limit);
}

void fill_glorot(Rng& rng, std::span<float> weight, int fan_out, int fan_in) {
  fill_uniform(rng, weight, std::sqrt(6.0f / static_cast<float>(fan_in + fan_out)));
}

void fill(std::span<float> tensor, float value) { std::fill(tensor.begin(), tensor.end(), value); }

}  // namespace

void initialise_parameters(const ModelConfig& config, const ParameterTensors& params, std::uint64_t seed) {
  const int d = config.d_model;
  Rng rng(seed);
  fill_uniform(rng, params.token_embedding, kEmbeddingRange);
  fill_uniform(rng, params.position_embedding, kEmbeddingRange);
  for (const LayerParameters& layer : params.layers) {
    fill(layer.ln1_gain, 1.0f);
    fill(layer.ln1_bias, 0.0f);
    fill_glorot(rng, layer.qkv_weight, 3 * d, d);
    fill(layer.qkv_bias, 0.0f);
    fill_glorot(rng, layer.proj_weight, d, d);
    fill(layer.proj_bias, 0.0f);
    fill(layer.ln2_gain, 1.0f);
    fill(layer.ln2_bias, 0.0f);
    fill_glorot(rng, layer.fc_weight, 4 * d, d);
    fill(layer.fc_bias, 0.0f);
    fill_glorot(rng, layer.fc2_weight, d, 4 * d);
    fill(layer.fc2_bias, 0.0f);
  }
  fill(params.final_gain, 1.0f);
  fill(params.final_bias, 0.0f);
  fill_glorot(rng, params.head_weight, config.vocab, d);
}

}  // namespace smp::model
