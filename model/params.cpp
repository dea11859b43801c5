#include "model/params.hpp"

namespace smp::model {

TensorArena allocate_parameters(const ModelConfig& config, ParameterTensors& views) {
  return carve_tensors(views, [&config](ParameterTensors& p, auto&& bind) {
    const int d = config.d_model;
    p.token_embedding = bind("token_embedding", {config.vocab, d});
    p.position_embedding = bind("position_embedding", {config.block, d});
    p.layers.resize(static_cast<std::size_t>(config.layers));
    for (int l = 0; l < config.layers; ++l) {
      LayerParameters& layer = p.layers[static_cast<std::size_t>(l)];
      layer.ln1_gain = bind("ln1.gain", {d}, l);
      layer.ln1_bias = bind("ln1.bias", {d}, l);
      layer.qkv_weight = bind("qkv.weight", {3 * d, d}, l);
      layer.qkv_bias = bind("qkv.bias", {3 * d}, l);
      layer.proj_weight = bind("proj.weight", {d, d}, l);
      layer.proj_bias = bind("proj.bias", {d}, l);
      layer.ln2_gain = bind("ln2.gain", {d}, l);
      layer.ln2_bias = bind("ln2.bias", {d}, l);
      layer.fc_weight = bind("fc.weight", {4 * d, d}, l);
      layer.fc_bias = bind("fc.bias", {4 * d}, l);
      layer.fc2_weight = bind("fc2.weight", {d, 4 * d}, l);
      layer.fc2_bias = bind("fc2.bias", {d}, l);
    }
    p.final_gain = bind("final_ln.gain", {d});
    p.final_bias = bind("final_ln.bias", {d});
    p.head_weight = bind("head.weight", {config.vocab, d});
  });
}

}  // namespace smp::model
