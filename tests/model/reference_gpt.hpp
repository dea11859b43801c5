#pragma once
// The slow truth the fast forward is checked against: the same GPT written as
// plain loops with double accumulation, reading the model's parameters by name.
#include <span>
#include <vector>

#include "model/config.hpp"
#include "model/tensor_arena.hpp"

namespace smp::test {

// Logits [T, vocab] for every position of `tokens`.
std::vector<double> reference_forward(const model::ModelConfig& config, const model::TensorArena& parameters,
                                      std::span<const int> tokens);

// max |got − want| / max |want|: the error relative to the logits' own scale,
// so logits that happen to sit near zero do not dominate.
double normwise_relative_error(std::span<const float> got, std::span<const double> want);

}  // namespace smp::test
