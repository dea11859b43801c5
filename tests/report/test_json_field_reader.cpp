// The one reader of JSON fields: what it accepts, and that every refusal
// names the file, the kind of document and the field's JSON path.
#include <cstdint>
#include <limits>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/common/errors.hpp"
#include "report/io/json_field_reader.hpp"

using namespace smp;
using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using nlohmann::json;

namespace {

const std::filesystem::path kFile = "in.json";

report::FieldReader reader_of(const json& object) { return report::FieldReader(kFile, "test JSON", object, "$"); }

}  // namespace

TEST_CASE("a field reader refuses a value that is not an object, naming the file, document and path") {
  const json array = json::array();
  CHECK_THROWS_WITH(reader_of(array), Equals("in.json: invalid test JSON: $ is not an object"));
  const json nested = {{"shape", 3}};
  CHECK_THROWS_WITH(reader_of(nested).object("shape"), Equals("in.json: invalid test JSON: $.shape is not an object"));
}

TEST_CASE("an absent field is missing, a null one is absent only where the field is optional") {
  const json object = {{"name", nullptr}};
  const report::FieldReader reader = reader_of(object);
  CHECK_THROWS_WITH(reader.text("other"), Equals("in.json: invalid test JSON: $.other is missing"));
  CHECK_THROWS_WITH(reader.text("name"), Equals("in.json: invalid test JSON: $.name is not a string"));
  CHECK_FALSE(reader.optional_text("name").has_value());
  CHECK_FALSE(reader.optional_integer<int>("other", 0).has_value());
  CHECK_FALSE(reader.optional_measurement("name").has_value());
}

TEST_CASE("an integer field takes only an integer its type holds, of at least the minimum") {
  const json object = {{"big", std::numeric_limits<std::uint64_t>::max()}, {"negative", -1}, {"huge", 1e300},
                       {"fraction", 1.5}, {"one", 1}};
  const report::FieldReader reader = reader_of(object);
  CHECK(reader.integer<std::uint64_t>("big", 0) == std::numeric_limits<std::uint64_t>::max());
  CHECK_THROWS_WITH(reader.integer<std::int64_t>("big", 0),
                    Equals("in.json: invalid test JSON: $.big is not an integer of at least 0"));
  CHECK_THROWS_WITH(reader.integer<std::uint64_t>("negative", 0),
                    Contains("$.negative is not an integer of at least 0"));
  CHECK(reader.integer<int>("negative", -5) == -1);
  CHECK_THROWS_WITH(reader.integer<int>("huge", 0), Contains("$.huge is not an integer of at least 0"));
  CHECK_THROWS_WITH(reader.integer<int>("fraction", 0), Contains("$.fraction is not an integer of at least 0"));
  CHECK_THROWS_WITH(reader.integer<int>("one", 2), Contains("$.one is not an integer of at least 2"));
}

TEST_CASE("a measurement is a number that is not negative") {
  const json object = {{"ms", 2.5}, {"negative", -0.5}, {"word", "fast"}};
  const report::FieldReader reader = reader_of(object);
  CHECK(reader.optional_measurement("ms") == 2.5);
  CHECK_THROWS_WITH(reader.optional_measurement("negative"), Contains("$.negative is negative"));
  CHECK_THROWS_WITH(reader.optional_measurement("word"), Contains("$.word is not a number"));
}

TEST_CASE("an array field is an array, its entries have paths of their own") {
  const json object = {{"runs", json::array({json::object(), 7})}, {"word", "x"}};
  const report::FieldReader reader = reader_of(object);
  const json& runs = reader.array("runs");
  REQUIRE(runs.size() == 2);
  CHECK_THROWS_WITH(reader.array("word"), Contains("$.word is not an array"));
  CHECK(reader.optional_array("missing") == nullptr);
  CHECK_NOTHROW(reader.reader_for(runs[0], reader.at("runs", 0)));
  CHECK_THROWS_WITH(reader.reader_for(runs[1], reader.at("runs", 1)), Contains("$.runs[1] is not an object"));
}
