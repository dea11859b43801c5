#include <string>

#include <catch2/catch.hpp>

#include "model/config.hpp"
#include "report/common/errors.hpp"

using smp::UsageError;
using smp::model::ModelConfig;
using smp::model::parse_model_config;
using Catch::Matchers::Contains;

TEST_CASE("named configs are SmallMind's Small and Medium", "[model][config]") {
  CHECK(parse_model_config("small") == ModelConfig{256, 64, 128, 2, 4});
  CHECK(parse_model_config("medium") == ModelConfig{512, 128, 256, 4, 8});
  CHECK(ModelConfig::medium().head_dim() == 32);
}

TEST_CASE("key=value configs parse in any order and round-trip", "[model][config]") {
  const ModelConfig parsed = parse_model_config("heads=3,d=12,vocab=11,layers=2,block=9");
  CHECK(parsed == ModelConfig{11, 9, 12, 2, 3});
  CHECK(parse_model_config(to_string(parsed)) == parsed);
  CHECK(to_string(ModelConfig::small()) == "vocab=256,block=64,d=128,layers=2,heads=4");
}

TEST_CASE("malformed config text names what is wrong", "[model][config]") {
  CHECK_THROWS_WITH(parse_model_config("large"), Contains("not key=value"));
  CHECK_THROWS_WITH(parse_model_config("vocab=11,block=9,d=12,layers=2"), Contains("missing 'heads'"));
  CHECK_THROWS_WITH(parse_model_config("vocab=11,block=9,d=12,layers=2,heads=3,depth=4"),
                    Contains("unknown key 'depth'"));
  CHECK_THROWS_WITH(parse_model_config("vocab=11,vocab=12,block=9,d=12,layers=2,heads=3"), Contains("twice"));
  CHECK_THROWS_WITH(parse_model_config("vocab=1x,block=9,d=12,layers=2,heads=3"), Contains("needs an integer"));
  CHECK_THROWS_WITH(parse_model_config("vocab=99999999999,block=9,d=12,layers=2,heads=3"),
                    Contains("needs an integer"));
  CHECK_THROWS_AS(parse_model_config(""), UsageError);
}

TEST_CASE("invalid shapes are rejected with the offending field", "[model][config]") {
  CHECK_THROWS_WITH(parse_model_config("vocab=0,block=9,d=12,layers=2,heads=3"), Contains("vocab must be positive"));
  CHECK_THROWS_WITH(parse_model_config("vocab=11,block=9,d=12,layers=-1,heads=3"),
                    Contains("layers must be positive"));
  CHECK_THROWS_WITH(parse_model_config("vocab=11,block=9,d=12,layers=2,heads=5"),
                    Contains("d=12 is not divisible by heads=5"));
  CHECK_THROWS_AS(validate(ModelConfig{11, 0, 12, 2, 3}), UsageError);
  CHECK_NOTHROW(validate(ModelConfig::medium()));
}
