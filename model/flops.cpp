#include "model/flops.hpp"

namespace smp::model {
namespace {

// Keys the rows of a pass see: `rows` new positions after `start` cached
// ones, row start + i attending to start + i + 1 keys.
double visible_keys(int start, int rows) {
  const double n = rows;
  return n * start + n * (n + 1) / 2;
}

// Multiply-adds of one layer over `rows` new rows after `start` cached ones:
// QKV (3d²), projection (d²) and the MLP (8d²) per row, then q·kᵀ and p·v,
// d each per visible key over all heads.
double layer_macs(const ModelConfig& config, int start, int rows) {
  const double d = config.d_model;
  return 12.0 * d * d * rows + 2.0 * d * visible_keys(start, rows);
}

enum class LogitRows { all, last };

double pass_flops(const ModelConfig& config, int start, int rows, LogitRows logit_rows) {
  const double d = config.d_model;
  const double head_row = d * config.vocab;
  if (logit_rows == LogitRows::all) return 2.0 * (config.layers * layer_macs(config, start, rows) + head_row * rows);
  // The last layer's other rows stop at their q | k | v (Gpt::forward_last).
  const double last_layer = 3.0 * d * d * (rows - 1) + layer_macs(config, start + rows - 1, 1);
  return 2.0 * ((config.layers - 1) * layer_macs(config, start, rows) + last_layer + head_row);
}

}  // namespace

double forward_flops(const ModelConfig& config, int tokens) { return pass_flops(config, 0, tokens, LogitRows::all); }

double forward_last_flops(const ModelConfig& config, int tokens) {
  return pass_flops(config, 0, tokens, LogitRows::last);
}

double decode_step_flops(const ModelConfig& config, int position) {
  return pass_flops(config, position, 1, LogitRows::last);
}

}  // namespace smp::model
