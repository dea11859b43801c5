#pragma once
// The GPT's Linear weights packed once for the GEMM (kernels/packed_weight.hpp),
// each beside the parameter it copies, all in one allocation. Made at model
// construction, after the parameters have their values; the forward pass
// reads the Linear weights only through these.
#include <vector>

#include "kernels/aligned_floats.hpp"
#include "kernels/packed_weight.hpp"
#include "model/params.hpp"

namespace smp::model {

struct PackedLayerLinears {
  kernels::PackedWeight qkv, proj, fc, fc2;
};

class PackedLinears {
 public:
  PackedLinears() = default;
  PackedLinears(const ModelConfig& config, const ParameterTensors& params);

  const PackedLayerLinears& layer(int l) const { return layers_[static_cast<std::size_t>(l)]; }
  const kernels::PackedWeight& head() const { return head_; }
  // Whether the weights together stay in a core's L2 or stream past it.
  kernels::WeightResidency residency() const { return residency_; }

 private:
  kernels::AlignedFloats storage_;
  std::vector<PackedLayerLinears> layers_;
  kernels::PackedWeight head_;
  kernels::WeightResidency residency_ = kernels::WeightResidency::cached;
};

}  // namespace smp::model
