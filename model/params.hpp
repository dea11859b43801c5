#pragma once
// The GPT's parameters: llm.c-style views into one TensorArena. Linear
// weights are stored [out, in], so a Linear is kernels::matmul_bt.
#include <span>
#include <vector>

#include "model/config.hpp"
#include "model/tensor_arena.hpp"

namespace smp::model {

struct LayerParameters {
  std::span<float> ln1_gain, ln1_bias;        // [d]
  std::span<float> qkv_weight, qkv_bias;      // [3d, d], [3d]: rows are q | k | v
  std::span<float> proj_weight, proj_bias;    // [d, d], [d]
  std::span<float> ln2_gain, ln2_bias;        // [d]
  std::span<float> fc_weight, fc_bias;        // [4d, d], [4d]
  std::span<float> fc2_weight, fc2_bias;      // [d, 4d], [d]
};

struct ParameterTensors {
  std::span<float> token_embedding;     // [vocab, d]
  std::span<float> position_embedding;  // [block, d]
  std::vector<LayerParameters> layers;
  std::span<float> final_gain, final_bias;  // [d]
  std::span<float> head_weight;             // [vocab, d], no bias, not tied to token_embedding
};

// Lays out every parameter of `config` in `views` and returns the arena that
// owns them, zero-filled; init.hpp gives them their starting values.
TensorArena allocate_parameters(const ModelConfig& config, ParameterTensors& views);

}  // namespace smp::model
