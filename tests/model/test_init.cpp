#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include <catch2/catch.hpp>

#include "model/gpt.hpp"

using smp::model::Gpt;
using smp::model::ModelConfig;

namespace {

float largest_magnitude(std::span<const float> values) {
  float largest = 0.0f;
  for (float value : values) largest = std::max(largest, std::fabs(value));
  return largest;
}

bool all_equal(std::span<const float> values, float expected) {
  return std::all_of(values.begin(), values.end(), [expected](float value) { return value == expected; });
}

// A draw from U(-limit, limit) of this many values lands above 0.9·limit
// with certainty for any practical purpose, so the limit is really used.
constexpr float kNearLimit = 0.9f;

}  // namespace

TEST_CASE("initial values follow the embedding, Glorot, bias and LayerNorm rules", "[model][init]") {
  const Gpt model(ModelConfig::small());
  const auto& params = model.parameters();

  const float embedding_limit = 0.02f;
  CHECK(largest_magnitude(params.tensor("token_embedding")) <= embedding_limit);
  CHECK(largest_magnitude(params.tensor("token_embedding")) > kNearLimit * embedding_limit);
  CHECK(largest_magnitude(params.tensor("position_embedding")) <= embedding_limit);

  const float qkv_limit = std::sqrt(6.0f / (128 + 384));
  CHECK(largest_magnitude(params.tensor("layer1.qkv.weight")) <= qkv_limit);
  CHECK(largest_magnitude(params.tensor("layer1.qkv.weight")) > kNearLimit * qkv_limit);
  const float fc2_limit = std::sqrt(6.0f / (512 + 128));
  CHECK(largest_magnitude(params.tensor("layer0.fc2.weight")) <= fc2_limit);
  CHECK(largest_magnitude(params.tensor("layer0.fc2.weight")) > kNearLimit * fc2_limit);
  const float head_limit = std::sqrt(6.0f / (256 + 128));
  CHECK(largest_magnitude(params.tensor("head.weight")) <= head_limit);

  for (const std::string name : {"layer0.qkv.bias", "layer0.proj.bias", "layer1.fc.bias", "layer1.fc2.bias",
                                 "layer0.ln1.bias", "final_ln.bias"}) {
    INFO(name);
    CHECK(all_equal(params.tensor(name), 0.0f));
  }
  for (const std::string name : {"layer0.ln1.gain", "layer1.ln2.gain", "final_ln.gain"}) {
    INFO(name);
    CHECK(all_equal(params.tensor(name), 1.0f));
  }
}

TEST_CASE("the same seed gives bit-identical weights, another seed different ones", "[model][init]") {
  const Gpt first(ModelConfig::small(), 7);
  const Gpt second(ModelConfig::small(), 7);
  const Gpt other(ModelConfig::small(), 8);
  for (int i = 0; i < first.tensor_count(); ++i) {
    const auto a = first.parameters().tensor(i);
    const auto b = second.parameters().tensor(i);
    INFO(first.parameters().table()[std::size_t(i)].full_name());
    CHECK(std::memcmp(a.data(), b.data(), a.size_bytes()) == 0);
  }
  const auto a = first.parameters().tensor("layer0.qkv.weight");
  const auto c = other.parameters().tensor("layer0.qkv.weight");
  CHECK(std::memcmp(a.data(), c.data(), a.size_bytes()) != 0);
}
