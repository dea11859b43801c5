#pragma once
// Seeded uniform inputs for kernel tests and benchmarks.
#include <cstdint>
#include <random>
#include <vector>

namespace smp::test {

inline std::vector<float> random_floats(std::size_t count, std::uint32_t seed, float low = -1.0f,
                                        float high = 1.0f) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<float> distribution(low, high);
  std::vector<float> values(count);
  for (float& value : values) value = distribution(generator);
  return values;
}

}  // namespace smp::test
