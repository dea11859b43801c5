#pragma once
// Matmul FLOPs (two per multiply-add) of the model's passes, for roofline
// figures. Attention counts the causal triangle each query actually needs;
// element-wise work (LayerNorm, GELU, softmax, residual adds) is not counted.
#include "model/config.hpp"

namespace smp::model {

// Gpt::forward over `tokens` positions: LM head on every position.
double forward_flops(const ModelConfig& config, int tokens);
// Gpt::forward_last over `tokens` positions: the last layer past its q | k | v
// and the LM head on the last one only.
double forward_last_flops(const ModelConfig& config, int tokens);
// KvDecoder::step at `position` (0-based): one new row against position + 1 keys.
double decode_step_flops(const ModelConfig& config, int position);

}  // namespace smp::model
