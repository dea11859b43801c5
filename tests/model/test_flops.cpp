#include <catch2/catch.hpp>

#include "model/config.hpp"
#include "model/flops.hpp"

using smp::model::ModelConfig;

TEST_CASE("one Small token costs its Linear layers, one attention pair and the head", "[model][flops]") {
  // 2 layers × (12·128² Linear + 2·128·1 attention) + 128·256 head, two FLOPs each.
  CHECK(smp::model::forward_flops(ModelConfig::small(), 1) == 2.0 * (2 * (12 * 128 * 128 + 2 * 128) + 128 * 256));
}

TEST_CASE("flop counts of forward, forward_last and decode steps agree", "[model][flops]") {
  const ModelConfig config = ModelConfig::medium();
  const int tokens = 34;
  const double d = config.d_model;
  const double head_row = 2.0 * d * config.vocab;
  // forward_last leaves out, on every row but the last, the head and the last
  // layer's projection and MLP (9d² multiply-adds) and attention (2d per
  // visible key: row i sees i + 1).
  const double last_layer_row = 2.0 * 9.0 * d * d;
  const double attention_keys = tokens * (tokens + 1) / 2.0 - tokens;
  CHECK(smp::model::forward_flops(config, tokens) - smp::model::forward_last_flops(config, tokens) ==
        Approx((head_row + last_layer_row) * (tokens - 1) + 2.0 * 2.0 * d * attention_keys));
  // Decoding one position at a time does the same Linear and attention work as
  // one forward, with the head on every position.
  double decoded = 0.0;
  for (int position = 0; position < tokens; ++position) decoded += smp::model::decode_step_flops(config, position);
  CHECK(decoded == Approx(smp::model::forward_flops(config, tokens)));
}
