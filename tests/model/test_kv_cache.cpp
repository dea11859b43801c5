#include <vector>

#include <catch2/catch.hpp>

#include "model/generate.hpp"
#include "model/gpt.hpp"
#include "model/kv_cache.hpp"
#include "model_test_support.hpp"
#include "reference_gpt.hpp"
#include "report/errors.hpp"
#include "tests/kernels/kernel_test_support.hpp"

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

TEST_CASE("KV-cache steps reproduce full-context last-row logits", "[model][kv]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  const ModelConfig config = GENERATE(ModelConfig::small(), ModelConfig::medium(), smp::test::kTinyConfig);
  smp::test::IsaScope scope(isa);
  INFO("isa " << smp::kernels::isa_name(isa) << " model " << to_string(config));

  Gpt model(config);
  KvDecoder decoder(model);
  std::vector<int> context = smp::model::random_prompt(config, std::min(10, config.block - 2), 4);
  std::vector<float> cached;
  {
    const auto logits = decoder.prefill(context);
    cached.assign(logits.begin(), logits.end());
  }
  while (true) {
    INFO("context length " << context.size());
    CHECK(relative_error(cached, model.forward_last(context)) <= kKvTolerance);
    if (int(context.size()) == config.block) break;
    context.push_back(smp::model::argmax(cached));
    const auto logits = decoder.step(context.back());
    cached.assign(logits.begin(), logits.end());
    CHECK(decoder.length() == int(context.size()));
  }
  CHECK_THROWS_AS(decoder.step(0), smp::UsageError);
}

TEST_CASE("KV-cache generation produces the full-context tokens", "[model][kv]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  smp::test::IsaScope scope(isa);
  SECTION("SmallMind's workload on Small and Medium") {
    for (const ModelConfig& config : {ModelConfig::small(), ModelConfig::medium()}) {
      Gpt model(config);
      const std::vector<int> prompt = smp::model::random_prompt(config, smp::model::kWorkloadPromptTokens, 42);
      const std::vector<int> full = smp::model::generate_full_context(model, prompt, smp::model::kWorkloadNewTokens);
      CHECK(smp::model::generate_kv(model, prompt, smp::model::kWorkloadNewTokens) == full);
    }
  }
  SECTION("past the block size, where the context is cropped") {
    Gpt model(smp::test::kTinyConfig);
    const std::vector<int> prompt = smp::model::random_prompt(model.config(), 5, 42);
    const std::vector<int> full = smp::model::generate_full_context(model, prompt, 12);
    CHECK(smp::model::generate_kv(model, prompt, 12) == full);
  }
}
