#pragma once
// The generation workloads the profiler times and the tests check: SmallMind's
// full-context loop and its KV-cache counterpart, both greedy, so both produce
// the same tokens. Each loop exists once; a caller that wants to observe its
// steps (the profiler times them) passes hooks, and everyone else gets none.
#include <cstdint>
#include <span>
#include <vector>

#include "model/config.hpp"
#include "model/gpt.hpp"
#include "model/kv_cache.hpp"
#include "report/common/workload.hpp"

namespace smp::model {

// Index of the largest logit (the first one on ties).
int argmax(std::span<const float> logits);

// `length` token ids uniform in [0, vocab), from their own seeded Rng.
std::vector<int> random_prompt(const ModelConfig& config, int length, std::uint64_t seed);

// The last `block` tokens: the context a forward pass may see.
std::span<const int> cropped(const std::vector<int>& tokens, int block);

// Hooks are called around each step with the number of tokens it processes
// (full context) or the decoder position it starts from (KV cache), and must
// call the step exactly once, returning what it returns.
struct NoGenerationHooks {
  template <class Step> void around_token(int /*context_length*/, Step&& step) { step(); }
  template <class Step> auto around_forward(int /*context_length*/, Step&& step) { return step(); }
  template <class Step> auto around_prefill(int /*context_length*/, Step&& step) { return step(); }
  template <class Step> auto around_step(int /*position*/, Step&& step) { return step(); }
};

// Appends `new_tokens` greedy tokens to `tokens` (which holds the prompt). Each
// token costs one full-context forward over the whole context, cropped to its
// last `block` tokens, as SmallMind does. With capacity reserved, allocates nothing.
template <class Hooks = NoGenerationHooks>
void extend_full_context(Gpt& model, std::vector<int>& tokens, int new_tokens, Hooks&& hooks = {}) {
  for (int i = 0; i < new_tokens; ++i) {
    const std::span<const int> window = cropped(tokens, model.config().block);
    const int length = static_cast<int>(window.size());
    hooks.around_token(length, [&] {
      const std::span<const float> logits = hooks.around_forward(length, [&] { return model.forward_last(window); });
      tokens.push_back(argmax(logits));
    });
  }
}

// The same tokens as extend_full_context, from a KvDecoder: one prefill, then
// one-token steps. Once the context outgrows the block, positions shift, so
// each further token re-prefills the cropped context.
template <class Hooks = NoGenerationHooks>
void extend_kv(Gpt& model, std::vector<int>& tokens, int new_tokens, Hooks&& hooks = {}) {
  if (new_tokens <= 0) return;
  const int block = model.config().block;
  KvDecoder decoder(model);
  const auto prefill = [&] {
    const std::span<const int> window = cropped(tokens, block);
    return hooks.around_prefill(static_cast<int>(window.size()), [&] { return decoder.prefill(window); });
  };
  tokens.push_back(argmax(prefill()));
  for (int i = 1; i < new_tokens; ++i) {
    const std::span<const float> logits =
        decoder.length() < block ? hooks.around_step(decoder.length(), [&] { return decoder.step(tokens.back()); })
                                 : prefill();
    tokens.push_back(argmax(logits));
  }
}

// The prompt followed by `new_tokens` generated tokens, by either loop.
std::vector<int> generate_full_context(Gpt& model, std::span<const int> prompt, int new_tokens);
std::vector<int> generate_kv(Gpt& model, std::span<const int> prompt, int new_tokens);

}  // namespace smp::model
