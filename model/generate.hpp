#pragma once
// The generation workloads the profiler times: SmallMind's full-context loop
// and its KV-cache counterpart, both greedy, so both produce the same tokens.
#include <cstdint>
#include <span>
#include <vector>

#include "model/config.hpp"
#include "model/gpt.hpp"
#include "report/common/workload.hpp"

namespace smp::model {

// Index of the largest logit (the first one on ties).
int argmax(std::span<const float> logits);

// `length` token ids uniform in [0, vocab), from their own seeded Rng.
std::vector<int> random_prompt(const ModelConfig& config, int length, std::uint64_t seed);

// Returns the prompt followed by `new_tokens` greedy tokens. Each token costs
// one full-context forward over the whole context, cropped to its last `block`
// tokens, as SmallMind does.
std::vector<int> generate_full_context(Gpt& model, std::span<const int> prompt, int new_tokens);

// The same tokens as generate_full_context, from a KvDecoder: one prefill,
// then one-token steps. Once the context outgrows the block, positions shift,
// so each further token re-prefills the cropped context.
std::vector<int> generate_kv(Gpt& model, std::span<const int> prompt, int new_tokens);

}  // namespace smp::model
