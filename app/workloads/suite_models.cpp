// The model cases of the enhanced suite: for Small and Medium, model creation,
// then SmallMind's generation workload — 25 tokens, each a full-context
// forward over the growing context — and, with --decode kv, the same 25
// tokens through the KV cache.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/flops.hpp"
#include "model/generate.hpp"
#include "model/gpt.hpp"
#include "model/kv_cache.hpp"
#include "app/workloads/suite.hpp"

namespace smp::app {
namespace {

using report::Profiler;


struct ModelState {
  model::ModelConfig config;
  std::uint64_t seed = 0;
  std::optional<model::Gpt> gpt;
  std::vector<int> prompt;
  std::vector<int> context;  // capacity reserved once, so generation allocates nothing
};

void create_model(Profiler& profiler, const std::string& prefix, ModelState& state) {
  Profiler::Scope scope(profiler, prefix + "_Creation");
  state.gpt.reset();
  state.gpt.emplace(state.config, state.seed);
}

void generate_full_context(Profiler& profiler, const std::string& prefix, ModelState& state) {
  const std::string token_name = prefix + "_GenerateToken";
  const std::string forward_name = prefix + "_Forward";
  state.context.assign(state.prompt.begin(), state.prompt.end());
  Profiler::Scope inference(profiler, prefix + "_Inference");
  for (int step = 0; step < kGeneratedTokens; ++step) {
    // SmallMind crops the context to the model's block size.
    const std::size_t length = std::min<std::size_t>(state.context.size(), std::size_t(state.config.block));
    const std::span<const int> window(state.context.data() + state.context.size() - length, length);
    const report::Work work{model::forward_last_flops(state.config, int(length)), 0.0};
    Profiler::Scope token(profiler, token_name, work);
    std::span<const float> logits;
    {
      Profiler::Scope forward(profiler, forward_name, work);
      logits = state.gpt->forward_last(window);
    }
    state.context.push_back(model::argmax(logits));
  }
}

void generate_kv_cache(Profiler& profiler, const std::string& prefix, ModelState& state) {
  Profiler::Scope decode(profiler, prefix + "_Decode");
  model::KvDecoder decoder(*state.gpt);
  std::span<const float> logits;
  {
    Profiler::Scope prefill(profiler, prefix + "_DecodePrefill",
                            {model::forward_last_flops(state.config, int(state.prompt.size())), 0.0});
    logits = decoder.prefill(state.prompt);
  }
  for (int step = 1; step < kGeneratedTokens; ++step) {
    const int position = decoder.length();
    Profiler::Scope token(profiler, prefix + "_DecodeStep", {model::decode_step_flops(state.config, position), 0.0});
    logits = decoder.step(model::argmax(logits));
  }
}

SuiteCase model_case(const std::string& size, const model::ModelConfig& config, std::uint64_t seed,
                     DecodeMode decode) {
  auto state = std::make_shared<ModelState>();
  state->config = config;
  state->seed = seed;
  state->prompt = model::random_prompt(config, kPromptTokens, seed);
  state->context.reserve(kPromptTokens + kGeneratedTokens);
  const std::string prefix = "Model_" + size;
  std::vector<std::string> names = {prefix + "_Creation", prefix + "_Inference", prefix + "_GenerateToken",
                                    prefix + "_Forward"};
  if (decode == DecodeMode::kv_cache) {
    names.insert(names.end(), {prefix + "_Decode", prefix + "_DecodePrefill", prefix + "_DecodeStep"});
  }
  return {names, [=](Profiler& profiler) {
            create_model(profiler, prefix, *state);
            generate_full_context(profiler, prefix, *state);
            if (decode == DecodeMode::kv_cache) generate_kv_cache(profiler, prefix, *state);
          }};
}

report::ModelInfo describe(const std::string& name, const model::ModelConfig& config, std::uint64_t seed) {
  const model::Gpt gpt(config, seed);
  return {name,        config.vocab,          config.block,        config.d_model, config.layers,
          config.heads, gpt.parameter_count(), gpt.tensor_count()};
}

}  // namespace

std::vector<SuiteCase> model_cases(std::uint64_t seed, DecodeMode decode, std::vector<report::ModelInfo>& models) {
  std::vector<SuiteCase> cases;
  for (const auto& [size, config] :
       {std::pair{std::string("Small"), model::ModelConfig::small()}, std::pair{std::string("Medium"), model::ModelConfig::medium()}}) {
    models.push_back(describe(size, config, seed));
    cases.push_back(model_case(size, config, seed, decode));
  }
  return cases;
}

}  // namespace smp::app
