#include "model/packed_linears.hpp"

#include <array>
#include <cstddef>
#include <span>

#include "kernels/cache_size.hpp"

namespace smp::model {
namespace {

struct LinearShape {
  int n;
  int k;
};

// [n, k] of a layer's qkv, proj, fc and fc2 weights, in PackedLayerLinears' order.
std::array<LinearShape, 4> layer_shapes(int d) { return {{{3 * d, d}, {d, d}, {4 * d, d}, {d, 4 * d}}}; }

}  // namespace

PackedLinears::PackedLinears(const ModelConfig& config, const ParameterTensors& params) {
  const int d = config.d_model;
  const std::array<LinearShape, 4> shapes = layer_shapes(d);
  std::size_t total = kernels::PackedWeight::storage_floats(config.vocab, d);
  for (const LinearShape& shape : shapes) {
    total += params.layers.size() * kernels::PackedWeight::storage_floats(shape.n, shape.k);
  }
  storage_ = kernels::allocate_aligned_floats(total);
  // Every forward pass reads every weight: together they stay in L2 or stream past it.
  residency_ = total * sizeof(float) > kernels::core_l2_bytes() ? kernels::WeightResidency::streamed
                                                                : kernels::WeightResidency::cached;
  float* next = storage_.get();
  const auto pack = [&next, this](std::span<const float> weight, LinearShape shape) {
    const kernels::PackedWeight packed(weight.data(), shape.n, shape.k, next, residency_);
    next += kernels::PackedWeight::storage_floats(shape.n, shape.k);
    return packed;
  };
  layers_.reserve(params.layers.size());
  for (const LayerParameters& layer : params.layers) {
    layers_.push_back({pack(layer.qkv_weight, shapes[0]), pack(layer.proj_weight, shapes[1]),
                       pack(layer.fc_weight, shapes[2]), pack(layer.fc2_weight, shapes[3])});
  }
  head_ = pack(params.head_weight, {config.vocab, d});
}

}  // namespace smp::model
