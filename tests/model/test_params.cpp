#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "model/gpt.hpp"
#include "model_test_support.hpp"

using smp::model::Gpt;
using smp::model::ModelConfig;
using smp::model::TensorShape;

TEST_CASE("Small and Medium have SmallMind's parameter and tensor counts", "[model][params]") {
  const Gpt small(ModelConfig::small());
  CHECK(small.parameter_count() == 470'528);
  CHECK(small.tensor_count() == 29);
  const Gpt medium(ModelConfig::medium());
  CHECK(medium.parameter_count() == 3'454'464);
  CHECK(medium.tensor_count() == 53);
}

TEST_CASE("the parameter table names every tensor once with its shape", "[model][params]") {
  const Gpt model(smp::test::kTinyConfig);
  const auto& table = model.parameters().table();
  REQUIRE(table.size() == 29);  // 2 embeddings + 12 per layer × 2 + final LN (2) + head
  CHECK(table.front().full_name() == "token_embedding");
  CHECK(table.front().shape == TensorShape{11, 12});
  CHECK(table[1].shape == TensorShape{9, 12});
  CHECK(table[4].full_name() == "layer0.qkv.weight");
  CHECK(table[4].shape == TensorShape{36, 12});  // Linear weights are stored [out, in]
  CHECK(table[12].full_name() == "layer0.fc2.weight");
  CHECK(table[12].shape == TensorShape{12, 48});
  CHECK(table[16].full_name() == "layer1.qkv.weight");
  CHECK(table.back().full_name() == "head.weight");
  CHECK(table.back().shape == TensorShape{11, 12});

  std::set<std::string> names;
  for (const auto& info : table) names.insert(info.full_name());
  CHECK(names.size() == table.size());
}

TEST_CASE("activations are sized for a full block at creation", "[model][params]") {
  const Gpt model(ModelConfig::small());
  const auto& activations = model.activations();
  CHECK(activations.tensor("residual").size() == 64u * 128u);
  CHECK(activations.tensor("hidden").size() == 64u * 512u);
  CHECK(activations.tensor("logits").size() == 64u * 256u);
  CHECK(activations.tensor("keys").size() == 2u * 4u * 64u * 32u);  // layers x heads x block x head_dim
}
