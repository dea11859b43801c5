#pragma once
// Configs shared by the model tests.
#include "model/config.hpp"

namespace smp::test {

// Odd sizes everywhere: head_dim 4, vocab and block not multiples of any SIMD
// width, so every kernel runs its ragged-tail path.
inline constexpr model::ModelConfig kTinyConfig{.vocab = 11, .block = 9, .d_model = 12, .layers = 2, .heads = 3};

}  // namespace smp::test
