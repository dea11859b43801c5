#pragma once
// The shape of a GPT: the five numbers that fix every tensor's size.
#include <string>
#include <string_view>

namespace smp::model {

struct ModelConfig {
  int vocab = 0;    // token ids are [0, vocab)
  int block = 0;    // longest context a forward pass accepts
  int d_model = 0;  // width of the residual stream
  int layers = 0;
  int heads = 0;    // d_model is split evenly across heads

  int head_dim() const { return d_model / heads; }

  // SmallMind's two models.
  static ModelConfig small() { return {256, 64, 128, 2, 4}; }
  static ModelConfig medium() { return {512, 128, 256, 4, 8}; }

  friend bool operator==(const ModelConfig&, const ModelConfig&) = default;
};

// Throws smp::UsageError naming the offending field unless every field is
// positive and d_model is divisible by heads.
void validate(const ModelConfig& config);

// "small", "medium", or all five fields in any order:
// "vocab=256,block=64,d=128,layers=2,heads=4". The result is validated;
// anything else throws smp::UsageError with the text and what was wrong.
ModelConfig parse_model_config(std::string_view text);

// The "vocab=…,block=…,d=…,layers=…,heads=…" form parse_model_config reads back.
std::string to_string(const ModelConfig& config);

}  // namespace smp::model
