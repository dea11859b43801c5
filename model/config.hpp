#pragma once
// The shape of a GPT: the five numbers that fix every tensor's size.
#include <string>

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

// "vocab=…,block=…,d=…,layers=…,heads=…", as errors name a config.
std::string to_string(const ModelConfig& config);

}  // namespace smp::model
