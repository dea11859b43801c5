#include <cstring>
#include <vector>

#include <catch2/catch.hpp>

#include "model/generate.hpp"
#include "model/gpt.hpp"
#include "model_test_support.hpp"
#include "reference_gpt.hpp"
#include "report/common/errors.hpp"
#include "tests/kernels/kernel_test_support.hpp"

using smp::model::Gpt;
using smp::model::ModelConfig;
using Catch::Matchers::Contains;

namespace {

// The bound. Float dot products of ≤ 4d terms carry ~1e-6 relative
// error; LayerNorm re-scales each layer, so errors stay near that, far inside.
constexpr double kReferenceTolerance = 1e-4;

struct ReferenceCase {
  ModelConfig config;
  int tokens;
};

}  // namespace

TEST_CASE("the forward pass matches the scalar reference", "[model][forward]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  // Small at full block (several attention query chunks) and short; the tiny
  // config at full block and at a single token.
  const ReferenceCase c = GENERATE(ReferenceCase{ModelConfig::small(), 64}, ReferenceCase{ModelConfig::small(), 13},
                                   ReferenceCase{smp::test::kTinyConfig, 9}, ReferenceCase{smp::test::kTinyConfig, 1});
  smp::test::IsaScope scope(isa);
  INFO("isa " << smp::kernels::isa_name(isa) << " model " << to_string(c.config) << " tokens " << c.tokens);

  Gpt model(c.config);
  const std::vector<int> tokens = smp::model::random_prompt(c.config, c.tokens, 3);
  const std::vector<double> want = smp::test::reference_forward(c.config, model.parameters(), tokens);

  const auto logits = model.forward(tokens);
  REQUIRE(logits.size() == want.size());
  CHECK(smp::test::normwise_relative_error(logits, want) <= kReferenceTolerance);

  const auto last = model.forward_last(tokens);
  REQUIRE(last.size() == std::size_t(c.config.vocab));
  CHECK(smp::test::normwise_relative_error(last, std::span(want).last(last.size())) <= kReferenceTolerance);
}

TEST_CASE("a forward pass depends only on its tokens, not on earlier calls", "[model][forward]") {
  Gpt model(ModelConfig::small());
  const std::vector<int> first = smp::model::random_prompt(model.config(), 30, 1);
  const std::vector<int> second = smp::model::random_prompt(model.config(), 64, 2);
  const auto before = model.forward(first);
  const std::vector<float> kept(before.begin(), before.end());
  model.forward(second);
  const auto again = model.forward(first);
  REQUIRE(again.size() == kept.size());
  CHECK(std::memcmp(again.data(), kept.data(), again.size_bytes()) == 0);
}

TEST_CASE("two models from one seed give bit-identical logits", "[model][forward]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  smp::test::IsaScope scope(isa);
  Gpt first(ModelConfig::small(), 11);
  Gpt second(ModelConfig::small(), 11);
  const std::vector<int> tokens = smp::model::random_prompt(first.config(), 20, 5);
  const auto a = first.forward(tokens);
  const auto b = second.forward(tokens);
  REQUIRE(a.size() == b.size());
  CHECK(std::memcmp(a.data(), b.data(), a.size_bytes()) == 0);
}

TEST_CASE("bad token sequences are usage errors that say what is wrong", "[model][forward]") {
  Gpt model(smp::test::kTinyConfig);
  CHECK_THROWS_WITH(model.forward({}), Contains("at least one token"));
  const std::vector<int> too_long(10, 0);
  CHECK_THROWS_WITH(model.forward(too_long), Contains("exceeds the block size 9"));
  CHECK_THROWS_WITH(model.forward_last(too_long), Contains("exceeds the block size 9"));
  const std::vector<int> negative = {1, -1};
  CHECK_THROWS_WITH(model.forward(negative), Contains("token id -1 at position 1"));
  const std::vector<int> past_vocab = {11};
  CHECK_THROWS_AS(model.forward_last(past_vocab), smp::UsageError);
}

TEST_CASE("an invalid config cannot build a model", "[model][forward]") {
  CHECK_THROWS_WITH(Gpt(ModelConfig{11, 9, 12, 2, 5}), Contains("not divisible"));
  CHECK_THROWS_AS(Gpt(ModelConfig{0, 9, 12, 2, 3}), smp::UsageError);
}

// More threads split the rows into parts (row_parts.hpp), or, for a few
// rows, the GEMMs, the element-wise work and the attention heads; each value
// keeps the arithmetic it has on one thread. The lengths put part boundaries
// at, next to and inside query chunks, and leave a chunk of one row at the end.
TEST_CASE("a forward pass gives bit-identical logits on 1, 2 and 3 threads at any length",
          "[model][forward][threads]") {
  const auto isa = GENERATE(from_range(smp::test::runnable_isas()));
  const ModelConfig config = GENERATE(ModelConfig::small(), ModelConfig::medium());
  smp::test::IsaScope scope(isa);
  Gpt model(config);
  const std::vector<int> context = smp::model::random_prompt(config, config.block, 6);
  for (const int length : {1, 2, 7, 11, 12, 13, 14, 23, 25, 26, 37, config.block}) {
    INFO("isa " << smp::kernels::isa_name(isa) << " model " << to_string(config) << " tokens " << length);
    const std::span<const int> tokens = std::span<const int>(context).first(static_cast<std::size_t>(length));
    // forward_last also runs the last layer's last row on the whole pool.
    for (const bool last_only : {false, true}) {
      INFO((last_only ? "forward_last" : "forward"));
      const auto logits_on = [&](int threads) {
        smp::test::ThreadScope thread_scope(threads);
        const auto logits = last_only ? model.forward_last(tokens) : model.forward(tokens);
        return std::vector<float>(logits.begin(), logits.end());
      };
      const std::vector<float> serial = logits_on(1);
      for (const int threads : {2, 3}) {
        INFO(threads << " threads");
        const std::vector<float> split = logits_on(threads);
        REQUIRE(split.size() == serial.size());
        CHECK(std::memcmp(split.data(), serial.data(), serial.size() * sizeof(float)) == 0);
      }
    }
  }
}
