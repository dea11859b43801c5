#include "model/flops.hpp"

namespace smp::model {
namespace {

// `rows` new positions after `start` cached ones, LM head on `head_rows` of them.
double pass_flops(const ModelConfig& config, int start, int rows, int head_rows) {
  const double d = config.d_model;
  const double n = rows;
  // QKV (3d²), projection (d²) and the MLP (8d²) multiply-adds per row.
  const double linear = 12.0 * d * d * n;
  // Row start + i attends to start + i + 1 keys: q·kᵀ then p·v, d each over all heads.
  const double visible_keys = n * start + n * (n + 1) / 2;
  const double attention = 2.0 * d * visible_keys;
  const double head = d * config.vocab * head_rows;
  return 2.0 * (config.layers * (linear + attention) + head);
}

}  // namespace

double forward_flops(const ModelConfig& config, int tokens) { return pass_flops(config, 0, tokens, tokens); }

double forward_last_flops(const ModelConfig& config, int tokens) { return pass_flops(config, 0, tokens, 1); }

double decode_step_flops(const ModelConfig& config, int position) { return pass_flops(config, position, 1, 1); }

}  // namespace smp::model
