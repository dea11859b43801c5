#include "model/generate.hpp"

#include <algorithm>

#include "model/rng.hpp"

namespace smp::model {
namespace {

std::vector<int> reserved_copy(std::span<const int> prompt, int new_tokens) {
  std::vector<int> tokens;
  tokens.reserve(prompt.size() + static_cast<std::size_t>(std::max(new_tokens, 0)));
  tokens.assign(prompt.begin(), prompt.end());
  return tokens;
}

}  // namespace

int argmax(std::span<const float> logits) {
  return static_cast<int>(std::max_element(logits.begin(), logits.end()) - logits.begin());
}

std::vector<int> random_prompt(const ModelConfig& config, int length, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<int> tokens(static_cast<std::size_t>(std::max(length, 0)));
  for (int& token : tokens) token = rng.below(config.vocab);
  return tokens;
}

std::span<const int> cropped(const std::vector<int>& tokens, int block) {
  const std::span<const int> all(tokens);
  return all.last(std::min(all.size(), static_cast<std::size_t>(block)));
}

std::vector<int> generate_full_context(Gpt& model, std::span<const int> prompt, int new_tokens) {
  std::vector<int> tokens = reserved_copy(prompt, new_tokens);
  extend_full_context(model, tokens, new_tokens);
  return tokens;
}

std::vector<int> generate_kv(Gpt& model, std::span<const int> prompt, int new_tokens) {
  std::vector<int> tokens = reserved_copy(prompt, new_tokens);
  extend_kv(model, tokens, new_tokens);
  return tokens;
}

}  // namespace smp::model
