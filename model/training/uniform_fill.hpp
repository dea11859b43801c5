#pragma once
// SmallMind's workload inputs: values uniform in [0, 1) drawn from one seeded
// generator, tensor after tensor in the order the workload creates them.
#include <span>

#include "model/rng.hpp"

namespace smp::model {

inline void fill_uniform(Rng& rng, std::span<float> values) {
  for (float& value : values) value = rng.uniform(0.0f, 1.0f);
}

}  // namespace smp::model
