#include <vector>

#include <catch2/catch.hpp>

#include "model/generate.hpp"
#include "model/gpt.hpp"
#include "model/kv_cache.hpp"
#include "model_test_support.hpp"
#include "reference_gpt.hpp"
#include "report/common/errors.hpp"
#include "tests/kernels/kernel_test_support.hpp"
#include "report/common/workload.hpp"

using smp::model::Gpt;
using smp::model::KvDecoder;
using smp::model::ModelConfig;

namespace {

// The bound for cached vs full-context logits. Both paths run the same
// kernels on the same rows, so they differ at most by float reordering.
constexpr double kKvTolerance = 1e-5;

double relative_error(std::span<const float> got, std::span<const float> want) {
  return smp::test::normwise_relative_error(got, std::vector<double>(want.begin(), want.end()));
}

}  // namespace

namespace {

struct StepCase {
  ModelConfig config;
  int final_length;  // context length the decoder is stepped to
};

}  // namespace

TEST_CASE("KV-cache steps reproduce full-context last-row logits", "[model][kv]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  // Small and tiny up to a full cache (every attention chunk boundary);
  // Medium over SmallMind's workload length, which keeps sanitizer runs short.
  const StepCase c = GENERATE(StepCase{ModelConfig::small(), 64}, StepCase{smp::test::kTinyConfig, 9},
                              StepCase{ModelConfig::medium(), 35});
  smp::test::IsaScope scope(isa);
  INFO("isa " << smp::kernels::isa_name(isa) << " model " << to_string(c.config));

  Gpt model(c.config);
  KvDecoder decoder(model);
  std::vector<int> context = smp::model::random_prompt(c.config, std::min(10, c.config.block - 2), 4);
  std::vector<float> cached;
  {
    const auto logits = decoder.prefill(context);
    cached.assign(logits.begin(), logits.end());
  }
  while (true) {
    INFO("context length " << context.size());
    CHECK(relative_error(cached, model.forward_last(context)) <= kKvTolerance);
    if (int(context.size()) == c.final_length) break;
    context.push_back(smp::model::argmax(cached));
    const auto logits = decoder.step(context.back());
    cached.assign(logits.begin(), logits.end());
    CHECK(decoder.length() == int(context.size()));
  }
}

TEST_CASE("a full KV cache refuses another step", "[model][kv]") {
  Gpt model(smp::test::kTinyConfig);
  KvDecoder decoder(model);
  const std::vector<int> prompt = smp::model::random_prompt(model.config(), 8, 4);
  decoder.prefill(prompt);
  decoder.step(0);
  CHECK(decoder.length() == 9);
  CHECK_THROWS_WITH(decoder.step(0), Catch::Matchers::Contains("KV cache is full"));
  // A prefill restarts the cache, so decoding can continue from a cropped context.
  decoder.prefill(std::span(prompt).last(4));
  CHECK(decoder.length() == 4);
  CHECK_NOTHROW(decoder.step(1));
}

TEST_CASE("KV-cache generation produces the full-context tokens", "[model][kv]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  smp::test::IsaScope scope(isa);
  SECTION("SmallMind's workload on Small and Medium") {
    for (const ModelConfig& config : {ModelConfig::small(), ModelConfig::medium()}) {
      Gpt model(config);
      const std::vector<int> prompt = smp::model::random_prompt(config, smp::kPromptTokens, 42);
      const std::vector<int> full = smp::model::generate_full_context(model, prompt, smp::kGeneratedTokens);
      CHECK(smp::model::generate_kv(model, prompt, smp::kGeneratedTokens) == full);
    }
  }
  SECTION("past the block size, where the context is cropped") {
    Gpt model(smp::test::kTinyConfig);
    const std::vector<int> prompt = smp::model::random_prompt(model.config(), 5, 42);
    const std::vector<int> full = smp::model::generate_full_context(model, prompt, 12);
    CHECK(smp::model::generate_kv(model, prompt, 12) == full);
  }
}
