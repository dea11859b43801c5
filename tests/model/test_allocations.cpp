#include <vector>

#include <catch2/catch.hpp>

#include "model/generate.hpp"
#include "model/gpt.hpp"
#include "model/kv_cache.hpp"
#include "report/measure/alloc_counters.hpp"
#include "tests/kernels/kernel_test_support.hpp"
#include "report/common/workload.hpp"

using smp::model::Gpt;
using smp::model::ModelConfig;

namespace {

std::uint64_t allocations_now() { return smp::report::alloc_counters().allocations; }

}  // namespace

TEST_CASE("creating a model makes the same few allocations at any size", "[model][alloc]") {
  // The parameter and activation buffers, their two tables, the list of
  // per-layer views, the causal-length table, and the packed Linear weights
  // with their list of per-layer views: nothing per tensor or per layer.
  constexpr std::uint64_t kCreationAllocations = 8;
  for (const ModelConfig& config : {ModelConfig::small(), ModelConfig::medium()}) {
    INFO(to_string(config));
    const std::uint64_t before = allocations_now();
    const Gpt model(config);
    CHECK(allocations_now() - before == kCreationAllocations);
  }
}

TEST_CASE("steady-state forward passes and decode steps allocate nothing", "[model][alloc]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  const ModelConfig config = GENERATE(ModelConfig::small(), ModelConfig::medium());
  smp::test::IsaScope scope(isa);
  Gpt model(config);
  smp::model::KvDecoder decoder(model);
  const std::vector<int> tokens = smp::model::random_prompt(config, config.block, 9);
  const std::span<const int> all(tokens);
  // Warm-up: the kernels size their per-thread packing scratch on first use.
  model.forward(all);
  decoder.prefill(all.first(10));
  decoder.step(1);

  const std::uint64_t before = allocations_now();
  model.forward(all);
  model.forward_last(all.first(17));
  decoder.prefill(all.first(10));
  for (int i = 0; i < 20; ++i) decoder.step(tokens[std::size_t(i)]);
  CHECK(allocations_now() - before == 0);
}

TEST_CASE("generation allocates only the token vector it returns", "[model][alloc]") {
  Gpt model(ModelConfig::small());
  const std::vector<int> prompt = smp::model::random_prompt(model.config(), smp::kPromptTokens, 42);
  smp::model::generate_full_context(model, prompt, smp::kGeneratedTokens);  // warm-up

  const std::uint64_t before = allocations_now();
  const std::vector<int> tokens = smp::model::generate_full_context(model, prompt, smp::kGeneratedTokens);
  CHECK(allocations_now() - before == 1);
  CHECK(tokens.size() == std::size_t(smp::kPromptTokens + smp::kGeneratedTokens));
}
