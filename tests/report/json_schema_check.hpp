#pragma once
// A JSON Schema check for the subset our schema files (and Bencher's bmf.json)
// use: type, properties, required, additionalProperties, patternProperties,
// items, enum, const, minimum, minItems, anyOf, $ref to "#/$defs/...",
// "#/definitions/..." or another schema file by its $id. Other keywords ($schema, $id, title, description,
// format) are annotations here. Returns the first violation, with its JSON path.
#include <map>
#include <optional>
#include <regex>
#include <string>

#include <nlohmann/json.hpp>

namespace smp::test {

class SchemaCheck {
 public:
  // `others`: the schemas `schema` refers to, by their $id.
  explicit SchemaCheck(nlohmann::json schema, std::map<std::string, nlohmann::json> others = {})
      : root_(std::move(schema)), others_(std::move(others)) {}

  std::optional<std::string> problem(const nlohmann::json& document) const { return check(root_, document, "$"); }

 private:
  static bool has_type(const nlohmann::json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "boolean") return value.is_boolean();
    if (type == "null") return value.is_null();
    if (type == "integer") return value.is_number_integer();
    if (type == "number") return value.is_number();
    throw std::invalid_argument("unknown type in schema: " + type);
  }

  std::optional<std::string> check_reference(const std::string& reference, const nlohmann::json& value,
                                             const std::string& path) const {
    if (const auto other = others_.find(reference); other != others_.end()) {
      return SchemaCheck(other->second, others_).problem_at(value, path);
    }
    return check(resolve(reference), value, path);
  }

  std::optional<std::string> problem_at(const nlohmann::json& value, const std::string& path) const {
    return check(root_, value, path);
  }

  const nlohmann::json& resolve(const std::string& reference) const {
    for (const char* prefix : {"#/$defs/", "#/definitions/"}) {
      const std::string start(prefix);
      if (reference.starts_with(start)) return root_.at(start.substr(2, start.size() - 3)).at(reference.substr(start.size()));
    }
    throw std::invalid_argument("unsupported $ref " + reference);
  }

  std::optional<std::string> check(const nlohmann::json& schema, const nlohmann::json& value,
                                   const std::string& path) const {
    if (schema.is_boolean()) return schema.get<bool>() ? std::nullopt : std::optional<std::string>(path + " is not allowed");
    if (schema.contains("$ref")) return check_reference(schema["$ref"], value, path);
    if (const auto it = schema.find("type"); it != schema.end()) {
      bool any = false;
      for (const auto& type : it->is_array() ? *it : nlohmann::json::array({*it})) any = any || has_type(value, type);
      if (!any) return path + " is not of type " + it->dump();
    }
    if (schema.contains("const") && value != schema["const"]) return path + " is not " + schema["const"].dump();
    if (const auto it = schema.find("enum"); it != schema.end()) {
      if (std::find(it->begin(), it->end(), value) == it->end()) return path + " is not one of " + it->dump();
    }
    if (schema.contains("minimum") && value.is_number() && value.get<double>() < schema["minimum"].get<double>()) {
      return path + " is below " + schema["minimum"].dump();
    }
    if (const auto it = schema.find("anyOf"); it != schema.end()) {
      bool any = false;
      for (const auto& option : *it) any = any || !check(option, value, path);
      if (!any) return path + " matches none of anyOf";
    }
    if (value.is_object()) {
      if (auto found = check_object(schema, value, path)) return found;
    }
    if (value.is_array()) {
      if (schema.contains("minItems") && value.size() < schema["minItems"].get<std::size_t>()) {
        return path + " has fewer than " + schema["minItems"].dump() + " items";
      }
      if (const auto it = schema.find("items"); it != schema.end()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
          if (auto found = check(*it, value[i], path + "[" + std::to_string(i) + "]")) return found;
        }
      }
    }
    return std::nullopt;
  }

  std::optional<std::string> check_object(const nlohmann::json& schema, const nlohmann::json& value,
                                          const std::string& path) const {
    if (const auto it = schema.find("required"); it != schema.end()) {
      for (const auto& key : *it) {
        if (!value.contains(key.get<std::string>())) return path + "." + key.get<std::string>() + " is missing";
      }
    }
    const nlohmann::json properties = schema.value("properties", nlohmann::json::object());
    const nlohmann::json patterns = schema.value("patternProperties", nlohmann::json::object());
    for (const auto& [key, member] : value.items()) {
      const std::string where = path + "." + key;
      bool matched = false;
      if (properties.contains(key)) {
        matched = true;
        if (auto found = check(properties[key], member, where)) return found;
      }
      for (const auto& [pattern, member_schema] : patterns.items()) {
        if (!std::regex_search(key, std::regex(pattern))) continue;
        matched = true;
        if (auto found = check(member_schema, member, where)) return found;
      }
      if (!matched && schema.contains("additionalProperties")) {
        if (auto found = check(schema["additionalProperties"], member, where)) return found;
      }
    }
    return std::nullopt;
  }

  nlohmann::json root_;
  std::map<std::string, nlohmann::json> others_;
};

}  // namespace smp::test
