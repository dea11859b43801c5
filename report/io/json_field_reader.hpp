#pragma once
// Reading one object of a JSON input field by field. Every field is looked up,
// type-checked and range-checked here, and every refusal is an InputError that
// names the file, the kind of document and the field's JSON path, e.g.
// "a.json: invalid allocation JSON: $.workloads[0].iterations is missing",
// so all our JSON inputs refuse a bad field in the same words.
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <vector>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

namespace smp::report {

class FieldReader {
 public:
  // `document` names the input in errors: "JSON report" gives "invalid JSON report: …".
  // Refuses `object` unless it is a JSON object.
  FieldReader(const std::filesystem::path& file, std::string_view document, const nlohmann::json& object,
              std::string where);

  // A reader for another object of the same input, found at `where`.
  FieldReader reader_for(const nlohmann::json& object, std::string where) const;

  // The member's JSON path, e.g. "$.scopes[0]" + "name" → "$.scopes[0].name".
  std::string at(std::string_view key) const;
  // An entry of the member array's path: "$.runs[0]" + "samples", 2 → "$.runs[0].samples[2]".
  std::string at(std::string_view key, std::size_t index) const;
  [[noreturn]] void fail(const std::string& field, const std::string& problem) const;

  // The member, or nullptr when it is absent or null (an optional field).
  const nlohmann::json* find(const char* key) const;
  // The member, present (null included): "is missing" otherwise.
  const nlohmann::json& required(const char* key) const;

  FieldReader object(const char* key) const;
  std::optional<FieldReader> optional_object(const char* key) const;

  // An array of at most kMaxReportRows `items`, counted by that word in errors.
  const nlohmann::json& array(const char* key, std::string_view items = "entries") const;
  const nlohmann::json* optional_array(const char* key, std::string_view items = "entries") const;

  std::string text(const char* key) const;
  std::optional<std::string> optional_text(const char* key) const;
  // An array of strings; empty when absent or null.
  std::vector<std::string> optional_texts(const char* key) const;

  // An integer the type holds, of at least `minimum`. nlohmann keeps
  // non-negative integers unsigned and negative ones signed, so both are looked at.
  template <class Integer>
  Integer integer(const char* key, Integer minimum) const {
    return integer_value(required(key), at(key), minimum);
  }
  template <class Integer>
  std::optional<Integer> optional_integer(const char* key, Integer minimum) const {
    const nlohmann::json* value = find(key);
    if (!value) return std::nullopt;
    return integer_value(*value, at(key), minimum);
  }

  // A measured figure: a number that is finite and not negative.
  double measurement(const nlohmann::json& value, const std::string& field) const;
  std::optional<double> optional_measurement(const char* key) const;

 private:
  template <class Integer>
  Integer integer_value(const nlohmann::json& value, const std::string& field, Integer minimum) const {
    const auto accept = [minimum](auto number) {
      return std::in_range<Integer>(number) && std::cmp_greater_equal(number, minimum);
    };
    const bool accepted = value.is_number_unsigned()  ? accept(value.get<std::uint64_t>())
                          : value.is_number_integer() ? accept(value.get<std::int64_t>())
                                                      : false;
    if (!accepted) fail(field, "is not an integer of at least " + std::to_string(minimum));
    return value.get<Integer>();
  }

  const nlohmann::json& checked_array(const nlohmann::json& value, const char* key, std::string_view items) const;

  const std::filesystem::path* file_;
  std::string_view document_;
  const nlohmann::json* object_;
  std::string where_;
};

}  // namespace smp::report
