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
#include "app/workloads/suite.hpp"

namespace smp::app {
namespace {

using report::Profiler;

// SmallMind's scope names for one model, built once outside every scope.
struct ModelScopeNames {
  explicit ModelScopeNames(const std::string& prefix)
      : creation(prefix + "_Creation"), inference(prefix + "_Inference"), token(prefix + "_GenerateToken"),
        forward(prefix + "_Forward"), decode(prefix + "_Decode"), prefill(prefix + "_DecodePrefill"),
        step(prefix + "_DecodeStep") {}
  std::vector<std::string> recorded(DecodeMode mode) const {
    std::vector<std::string> names{creation, inference, token, forward};
    if (mode == DecodeMode::kv_cache) names.insert(names.end(), {decode, prefill, step});
    return names;
  }
  std::string creation, inference, token, forward, decode, prefill, step;
};

struct ModelState {
  explicit ModelState(const std::string& prefix) : names(prefix) {}
  ModelScopeNames names;
  model::ModelConfig config;
  std::uint64_t seed = 0;
  std::optional<model::Gpt> gpt;
  std::vector<int> prompt;
  std::vector<int> context;  // capacity reserved once, so generation allocates nothing
};

void create_model(Profiler& profiler, ModelState& state) {
  Profiler::Scope scope(profiler, state.names.creation);
  state.gpt.reset();
  state.gpt.emplace(state.config, state.seed);
}

// Times the model's own generation loops: each hook opens the scope SmallMind
// names for that step, with the work the step does.
struct ProfiledGeneration {
  Profiler& profiler;
  const ModelScopeNames& names;
  const model::ModelConfig& config;

  template <class Step> void around_token(int context_length, Step&& step) {
    Profiler::Scope scope(profiler, names.token, full_forward(context_length));
    step();
  }
  template <class Step> auto around_forward(int context_length, Step&& step) {
    Profiler::Scope scope(profiler, names.forward, full_forward(context_length));
    return step();
  }
  template <class Step> auto around_prefill(int context_length, Step&& step) {
    Profiler::Scope scope(profiler, names.prefill, full_forward(context_length));
    return step();
  }
  template <class Step> auto around_step(int position, Step&& step) {
    Profiler::Scope scope(profiler, names.step, {model::decode_step_flops(config, position), 0.0});
    return step();
  }

  report::Work full_forward(int context_length) const {
    return {model::forward_last_flops(config, context_length), 0.0};
  }
};

void generate_full_context(Profiler& profiler, ModelState& state) {
  state.context.assign(state.prompt.begin(), state.prompt.end());
  Profiler::Scope inference(profiler, state.names.inference);
  model::extend_full_context(*state.gpt, state.context, kGeneratedTokens,
                             ProfiledGeneration{profiler, state.names, state.config});
}

void generate_kv_cache(Profiler& profiler, ModelState& state) {
  state.context.assign(state.prompt.begin(), state.prompt.end());
  Profiler::Scope decode(profiler, state.names.decode);
  model::extend_kv(*state.gpt, state.context, kGeneratedTokens, ProfiledGeneration{profiler, state.names, state.config});
}

SuiteCase model_case(const std::string& size, const model::ModelConfig& config, std::uint64_t seed,
                     DecodeMode decode) {
  auto state = std::make_shared<ModelState>("Model_" + size);
  state->config = config;
  state->seed = seed;
  state->prompt = model::random_prompt(config, kPromptTokens, seed);
  state->context.reserve(kPromptTokens + kGeneratedTokens);
  return {state->names.recorded(decode), [=](Profiler& profiler) {
            create_model(profiler, *state);
            generate_full_context(profiler, *state);
            if (decode == DecodeMode::kv_cache) generate_kv_cache(profiler, *state);
          },
          report::Work{}};
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
