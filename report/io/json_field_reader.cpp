#include "report/io/json_field_reader.hpp"

#include <fmt/format.h>

#include "report/common/errors.hpp"
#include "report/io/input_limits.hpp"

namespace smp::report {

using nlohmann::json;

FieldReader::FieldReader(const std::filesystem::path& file, std::string_view document, const json& object,
                         std::string where)
    : file_(&file), document_(document), object_(&object), where_(std::move(where)) {
  if (!object_->is_object()) fail(where_, "is not an object");
}

FieldReader FieldReader::reader_for(const json& object, std::string where) const {
  return FieldReader(*file_, document_, object, std::move(where));
}

std::string FieldReader::at(std::string_view key) const { return fmt::format("{}.{}", where_, key); }

std::string FieldReader::at(std::string_view key, std::size_t index) const {
  return fmt::format("{}.{}[{}]", where_, key, index);
}

void FieldReader::fail(const std::string& field, const std::string& problem) const {
  throw InputError(*file_, fmt::format("invalid {}: {} {}", document_, field, problem));
}

const json* FieldReader::find(const char* key) const {
  const auto it = object_->find(key);
  return it == object_->end() || it->is_null() ? nullptr : &*it;
}

const json& FieldReader::required(const char* key) const {
  const auto it = object_->find(key);
  if (it == object_->end()) fail(at(key), "is missing");
  return *it;
}

FieldReader FieldReader::object(const char* key) const { return reader_for(required(key), at(key)); }

std::optional<FieldReader> FieldReader::optional_object(const char* key) const {
  const json* value = find(key);
  if (!value) return std::nullopt;
  return reader_for(*value, at(key));
}

const json& FieldReader::checked_array(const json& value, const char* key, std::string_view items) const {
  if (!value.is_array()) fail(at(key), "is not an array");
  if (value.size() > kMaxReportRows) {
    fail(at(key), fmt::format("has {} {}, over the limit of {}", value.size(), items, kMaxReportRows));
  }
  return value;
}

const json& FieldReader::array(const char* key, std::string_view items) const {
  return checked_array(required(key), key, items);
}

const json* FieldReader::optional_array(const char* key, std::string_view items) const {
  const json* value = find(key);
  return value ? &checked_array(*value, key, items) : nullptr;
}

std::string FieldReader::text(const char* key) const {
  const json& value = required(key);
  if (!value.is_string()) fail(at(key), "is not a string");
  return value.get<std::string>();
}

std::optional<std::string> FieldReader::optional_text(const char* key) const {
  if (!find(key)) return std::nullopt;
  return text(key);
}

std::vector<std::string> FieldReader::optional_texts(const char* key) const {
  std::vector<std::string> texts;
  const json* list = optional_array(key);
  if (!list) return texts;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& entry = (*list)[i];
    if (!entry.is_string()) fail(at(key, i), "is not a string");
    texts.push_back(entry.get<std::string>());
  }
  return texts;
}

double FieldReader::measurement(const json& value, const std::string& field) const {
  if (!value.is_number()) fail(field, "is not a number");
  const double number = value.get<double>();
  if (const auto problem = measurement_problem(number)) fail(field, *problem);
  return number;
}

std::optional<double> FieldReader::optional_measurement(const char* key) const {
  const json* value = find(key);
  if (!value) return std::nullopt;
  return measurement(*value, at(key));
}

}  // namespace smp::report
