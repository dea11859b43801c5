#include <string>

#include <catch2/catch.hpp>

#include "model/config.hpp"
#include "report/common/errors.hpp"

using smp::UsageError;
using smp::model::ModelConfig;
using Catch::Matchers::Contains;

TEST_CASE("SmallMind's Small and Medium configs", "[model][config]") {
  CHECK(ModelConfig::small() == ModelConfig{256, 64, 128, 2, 4});
  CHECK(ModelConfig::medium() == ModelConfig{512, 128, 256, 4, 8});
  CHECK(ModelConfig::medium().head_dim() == 32);
  CHECK(to_string(ModelConfig::small()) == "vocab=256,block=64,d=128,layers=2,heads=4");
}

TEST_CASE("invalid shapes are rejected with the offending field", "[model][config]") {
  CHECK_THROWS_WITH(validate(ModelConfig{0, 9, 12, 2, 3}), Contains("vocab must be positive"));
  CHECK_THROWS_WITH(validate(ModelConfig{11, 9, 12, -1, 3}), Contains("layers must be positive"));
  CHECK_THROWS_WITH(validate(ModelConfig{11, 9, 12, 2, 5}), Contains("d=12 is not divisible by heads=5"));
  CHECK_THROWS_AS(validate(ModelConfig{11, 0, 12, 2, 3}), UsageError);
  CHECK_NOTHROW(validate(ModelConfig::medium()));
}
