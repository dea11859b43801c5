#include "model/kv_cache.hpp"

#include <string>

#include "report/common/errors.hpp"

namespace smp::model {
namespace {

TensorArena allocate_cache(const ModelConfig& config) {
  const TensorShape shape = {config.layers, config.heads, config.block, config.head_dim()};
  return TensorArena({{"keys", -1, shape}, {"values", -1, shape}});
}

}  // namespace

KvDecoder::KvDecoder(Gpt& model)
    : model_(model),
      cache_(allocate_cache(model.config())),
      store_{cache_.tensor(0).data(), cache_.tensor(1).data(),
             cache_.tensor(0).size() / static_cast<std::size_t>(model.config().layers)} {}

std::span<const float> KvDecoder::prefill(std::span<const int> prompt) {
  length_ = 0;
  const std::span<const float> logits = model_.run(prompt, 0, store_, Gpt::LogitRows::last);
  length_ = static_cast<int>(prompt.size());
  return logits;
}

std::span<const float> KvDecoder::step(int token) {
  const int block = model_.config().block;
  if (length_ == block) {
    throw UsageError("the KV cache is full at the block size " + std::to_string(block) +
                     "; prefill a cropped context to continue");
  }
  const std::span<const float> logits = model_.run({&token, 1}, length_, store_, Gpt::LogitRows::last);
  ++length_;
  return logits;
}

}  // namespace smp::model
