#pragma once
// KV-cache decoding: prefill the prompt once, then run one token per step,
// reusing every earlier position's keys and values instead of recomputing the
// whole context.
#include <span>

#include "model/attention.hpp"
#include "model/gpt.hpp"
#include "model/tensor_arena.hpp"

namespace smp::model {

class KvDecoder {
 public:
  // Allocates the cache ([layers, heads, block, head_dim] keys and values)
  // once. Uses `model`'s activations as scratch, so interleaving forward
  // passes on the model is safe; the model must outlive the decoder.
  explicit KvDecoder(Gpt& model);

  // Restarts the cache from `prompt` (1 ≤ size ≤ block) and returns the last
  // position's logits [vocab].
  std::span<const float> prefill(std::span<const int> prompt);
  // Appends `token` at position length() and returns its logits [vocab].
  // Throws smp::UsageError when the cache already holds `block` positions:
  // positions are absolute, so continuing needs a prefill of a cropped context.
  std::span<const float> step(int token);

  int length() const { return length_; }

 private:
  Gpt& model_;
  TensorArena cache_;
  KvStore store_;
  int length_ = 0;
};

}  // namespace smp::model
