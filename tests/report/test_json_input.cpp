#include <string>

#include <catch2/catch.hpp>

#include "report/formats/alloc_json.hpp"
#include "report/common/errors.hpp"
#include "report/io/json_input.hpp"
#include "report/formats/profile_json.hpp"

using namespace smp;
using Catch::Matchers::Contains;

namespace {

// `depth` arrays nested around 1, e.g. [[1]] for 2.
std::string nested_arrays(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') + "1" + std::string(static_cast<std::size_t>(depth), ']');
}

}  // namespace

TEST_CASE("malformed JSON is an InputError naming the file") {
  CHECK_THROWS_WITH(report::parse_json_input("{\"a\": ", "in.json"), Contains("in.json: invalid JSON"));
}

TEST_CASE("a number beyond a double is an InputError, not an internal error") {
  CHECK_THROWS_AS(report::parse_json_input("[1e400]", "in.json"), InputError);
  CHECK_THROWS_WITH(report::profile_from_json("{\"schema_version\": 1e999}", "p.json"),
                    Contains("p.json: invalid JSON") && Contains("number overflow"));
}

TEST_CASE("documents nested deeper than the limit are refused while parsing") {
  CHECK(report::parse_json_input(nested_arrays(report::kMaxJsonDepth), "in.json").is_array());
  CHECK_THROWS_WITH(report::parse_json_input(nested_arrays(report::kMaxJsonDepth + 1), "in.json"),
                    Contains("in.json: invalid JSON: nested more than 64 levels deep"));
}

// A million levels used to parse, then overflow the stack when the error
// message printed the bad schema_version with dump(), which recurses.
TEST_CASE("a deeply nested schema version is refused cleanly by both readers") {
  const std::string deep = "{\"schema_version\": " + nested_arrays(1'000'000) + "}";
  CHECK_THROWS_WITH(report::profile_from_json(deep, "p.json"), Contains("nested more than"));
  CHECK_THROWS_WITH(report::alloc_from_json(deep, "a.json"), Contains("nested more than"));
}

// The depth limit once went through a parser callback that was quadratic in
// the objects of one array: 10^6 scopes did not finish in two minutes.
TEST_CASE("a million scopes are parsed in one linear pass and refused by the row limit") {
  std::string scopes = "{\"name\":\"s0\"}";
  scopes.reserve(16'000'000);
  for (int i = 1; i < 1'000'000; ++i) scopes += ",{\"name\":\"s" + std::to_string(i) + "\"}";
  const std::string document = "{\"schema_version\": 1, \"scopes\": [" + scopes + "]}";
  CHECK_THROWS_WITH(report::profile_from_json(document, "p.json"),
                    Contains("has 1000000 scopes, over the limit of 100000"));
}
