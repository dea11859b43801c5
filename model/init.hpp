#pragma once
// Deterministic starting values, drawn from one seeded Rng in storage order.
#include <cstdint>

#include "model/params.hpp"
#include "report/common/workload.hpp"

namespace smp::model {

// Embeddings uniform in ±0.02; Linear weights Glorot/Xavier-uniform in
// ±√(6 / (fan_in + fan_out)); biases 0; LayerNorm gain 1, bias 0.
void initialise_parameters(const ModelConfig& config, const ParameterTensors& params, std::uint64_t seed);

}  // namespace smp::model
