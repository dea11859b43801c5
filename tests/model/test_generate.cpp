#include <algorithm>
#include <vector>

#include <catch2/catch.hpp>

#include "model/generate.hpp"
#include "model/gpt.hpp"
#include "model_test_support.hpp"
#include "report/common/workload.hpp"

using smp::model::Gpt;
using smp::model::ModelConfig;

TEST_CASE("argmax picks the largest logit, the first on ties", "[model][generate]") {
  const std::vector<float> logits = {0.5f, -1.0f, 2.0f, 2.0f, 1.0f};
  CHECK(smp::model::argmax(logits) == 2);
  const std::vector<float> single = {-3.0f};
  CHECK(smp::model::argmax(single) == 0);
}

TEST_CASE("random prompts are seeded and inside the vocabulary", "[model][generate]") {
  const ModelConfig config = smp::test::kTinyConfig;
  const std::vector<int> prompt = smp::model::random_prompt(config, 200, 42);
  REQUIRE(prompt.size() == 200);
  CHECK(*std::min_element(prompt.begin(), prompt.end()) == 0);
  CHECK(*std::max_element(prompt.begin(), prompt.end()) == config.vocab - 1);
  CHECK(smp::model::random_prompt(config, 200, 42) == prompt);
  CHECK(smp::model::random_prompt(config, 200, 43) != prompt);
}

TEST_CASE("full-context generation extends the prompt greedily and repeatably", "[model][generate]") {
  Gpt model(ModelConfig::small());
  const std::vector<int> prompt = smp::model::random_prompt(model.config(), smp::kPromptTokens, 42);
  const std::vector<int> tokens = smp::model::generate_full_context(model, prompt, smp::kGeneratedTokens);
  REQUIRE(tokens.size() == prompt.size() + smp::kGeneratedTokens);
  CHECK(std::equal(prompt.begin(), prompt.end(), tokens.begin()));
  // Each new token is the argmax of the last-row logits of the context before it.
  const std::span<const int> before_last(tokens.data(), tokens.size() - 1);
  CHECK(tokens.back() == smp::model::argmax(model.forward_last(before_last)));

  Gpt again(ModelConfig::small());
  CHECK(smp::model::generate_full_context(again, prompt, smp::kGeneratedTokens) == tokens);
}

TEST_CASE("generation crops the context to the block size", "[model][generate]") {
  Gpt model(smp::test::kTinyConfig);
  const std::vector<int> prompt = smp::model::random_prompt(model.config(), 5, 1);
  const std::vector<int> tokens = smp::model::generate_full_context(model, prompt, 10);
  REQUIRE(tokens.size() == 15);
  const std::span<const int> window(tokens.data() + 14 - 9, 9);  // the last block tokens before the final one
  CHECK(tokens.back() == smp::model::argmax(model.forward_last(window)));
}
