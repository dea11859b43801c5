#include "report/formats/profile_json.hpp"

#include <algorithm>
#include <span>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "report/formats/environment_json.hpp"
#include "report/common/errors.hpp"
#include "report/io/input_limits.hpp"
#include "report/io/json_input.hpp"
#include "report/records/stats.hpp"
#include "report/common/units.hpp"
#include "report/records/rates.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kKind = "smallmind-prof profile";

json summary_json(std::span<const double> samples) {
  const Summary summary = summarise(samples);
  return {{"median", summary.median}, {"mad", summary.mad}, {"min", summary.min},
          {"max", summary.max},       {"samples", samples}};
}

// Work per second over the scope's time; 0 when there is no work or no time.
json scope_json(const ScopeRecord& scope) {
  return {{"name", scope.name},
          {"parents", scope.parents},
          {"calls", scope.calls},
          {"time_ms", scope.time_ms()},
          {"avg_ms", scope.avg_ms()},
          {"min_call_ms", scope.min_call_ms},
          {"max_call_ms", scope.max_call_ms},
          {"inclusive_ms", summary_json(scope.inclusive_ms)},
          {"self_ms", summary_json(scope.self_ms)},
          {"sample_process", scope.sample_process},
          {"alloc_mb", scope.alloc_mb()},
          {"alloc_bytes", scope.alloc_bytes},
          {"alloc_count", scope.alloc_count},
          {"free_count", scope.free_count},
          {"flops_per_call", scope.flops_per_call},
          {"bytes_per_call", scope.bytes_per_call},
          {"gflops", giga_per_second(scope.flops_per_call, static_cast<double>(scope.calls), scope.time_ms())},
          {"gbps", giga_per_second(scope.bytes_per_call, static_cast<double>(scope.calls), scope.time_ms())}};
}

// Reads fields of one JSON object, naming the field's JSON path in errors.
class FieldReader {
 public:
  FieldReader(const fs::path& file, const json& object, std::string where)
      : file_(file), object_(object), where_(std::move(where)) {
    if (!object_.is_object()) fail(where_, "is not an object");
  }

  const json* find(const char* key) const {
    const auto it = object_.find(key);
    return it == object_.end() || it->is_null() ? nullptr : &*it;
  }

  std::string text(const char* key, bool required) const {
    const json* value = find(key);
    if (!value) {
      if (required) fail(at(key), "is missing");
      return {};
    }
    if (!value->is_string()) fail(at(key), "is not a string");
    return value->get<std::string>();
  }

  double measurement(const char* key) const { return checked(find(key), at(key)); }

  template <class Integer>
  Integer count(const char* key) const {
    const json* value = find(key);
    if (!value) return 0;
    if (!value->is_number_integer() || value->get<std::int64_t>() < 0) {
      fail(at(key), "is not a non-negative integer");
    }
    return value->get<Integer>();
  }

  std::vector<double> samples(const char* key) const {
    const json* summary = find(key);
    if (!summary) return {};
    const FieldReader inner(file_, *summary, at(key));
    const json* list = inner.find("samples");
    if (!list) return {};
    if (!list->is_array()) fail(inner.at("samples"), "is not an array");
    if (list->size() > kMaxReportRows) {
      fail(inner.at("samples"), "has " + std::to_string(list->size()) + " samples, over the limit of " +
                                    std::to_string(kMaxReportRows));
    }
    std::vector<double> values;
    values.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
      values.push_back(checked(&(*list)[i], inner.at("samples") + "[" + std::to_string(i) + "]"));
    }
    return values;
  }

  // Each sample's process: as many non-negative integers as samples, or none.
  std::vector<std::uint32_t> process_tags(const char* key, std::size_t samples) const {
    const json* list = find(key);
    if (!list) return {};
    if (!list->is_array()) fail(at(key), "is not an array");
    if (list->empty()) return {};
    if (list->size() != samples) {
      fail(at(key), "has " + std::to_string(list->size()) + " entries for " + std::to_string(samples) + " samples");
    }
    std::vector<std::uint32_t> tags;
    tags.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json& tag = (*list)[i];
      if (!tag.is_number_unsigned() || tag.get<std::uint64_t>() >= samples) {
        fail(at(key) + "[" + std::to_string(i) + "]", "is not a process index below the sample count");
      }
      tags.push_back(tag.get<std::uint32_t>());
    }
    return tags;
  }

  // An array of strings; empty when absent.
  std::vector<std::string> texts(const char* key) const {
    const json* list = find(key);
    if (!list) return {};
    if (!list->is_array()) fail(at(key), "is not an array");
    if (list->size() > kMaxReportRows) fail(at(key), "has over " + std::to_string(kMaxReportRows) + " entries");
    std::vector<std::string> values;
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (!(*list)[i].is_string()) fail(at(key) + "[" + std::to_string(i) + "]", "is not a string");
      values.push_back((*list)[i].get<std::string>());
    }
    return values;
  }

  std::string at(const char* key) const { return where_ + "." + key; }

  [[noreturn]] void fail(const std::string& field, const std::string& problem) const {
    throw InputError(file_, "invalid JSON report: " + field + " " + problem);
  }

 private:
  double checked(const json* value, const std::string& field) const {
    if (!value) return 0.0;
    if (!value->is_number()) fail(field, "is not a number");
    const double number = value->get<double>();
    if (const auto problem = measurement_problem(number)) fail(field, *problem);
    return number;
  }

  const fs::path& file_;
  const json& object_;
  std::string where_;
};

// Versions before 3 wrote one `parent` string, its names joined by commas.
std::vector<std::string> parents_before_version_3(const std::string& joined) {
  std::vector<std::string> parents;
  for (std::size_t start = 0; start < joined.size();) {
    const std::size_t comma = std::min(joined.find(',', start), joined.size());
    parents.push_back(joined.substr(start, comma - start));
    start = comma + 1;
  }
  return parents;
}

ScopeRecord scope_from_json(const FieldReader& reader, std::int64_t version) {
  ScopeRecord scope;
  scope.name = reader.text("name", true);
  if (scope.name.empty()) reader.fail(reader.at("name"), "is empty");
  scope.parents = version >= 3 ? reader.texts("parents") : parents_before_version_3(reader.text("parent", false));
  scope.calls = reader.count<std::int64_t>("calls");
  scope.inclusive_ms = reader.samples("inclusive_ms");
  scope.self_ms = reader.samples("self_ms");
  scope.sample_process = reader.process_tags("sample_process", scope.inclusive_ms.size());
  // time_ms, avg_ms and alloc_mb are derived from the samples and bytes on
  // reading, as on writing, so a file cannot make them disagree.
  scope.min_call_ms = reader.measurement("min_call_ms");
  scope.max_call_ms = reader.measurement("max_call_ms");
  scope.alloc_bytes = reader.count<std::uint64_t>("alloc_bytes");
  scope.alloc_count = reader.count<std::uint64_t>("alloc_count");
  scope.free_count = reader.count<std::uint64_t>("free_count");
  scope.flops_per_call = reader.measurement("flops_per_call");
  scope.bytes_per_call = reader.measurement("bytes_per_call");
  return scope;
}

}  // namespace

std::string profile_to_json(const ProfileRecord& record) {
  json scopes = json::array();
  for (const ScopeRecord& scope : record.scopes) scopes.push_back(scope_json(scope));
  json document = {{"schema_version", kProfileSchemaVersion},
                   {"kind", kKind},
                   {"generated", record.generated},
                   {"scopes", std::move(scopes)}};
  if (record.context) document["context"] = environment_to_json(*record.context);
  return document.dump(2) + "\n";
}

ProfileRecord profile_from_json(std::string_view text, const fs::path& path) {
  const json document = parse_json_input(text, path);
  const FieldReader top(path, document, "$");
  const json* version = top.find("schema_version");
  if (!version) top.fail("$.schema_version", "is missing (not a smallmind-prof JSON profile)");
  if (!version->is_number_integer() || version->get<std::int64_t>() < kOldestProfileSchemaVersion ||
      version->get<std::int64_t>() > kProfileSchemaVersion) {
    top.fail("$.schema_version", version->dump() + " is not supported (this build reads versions " +
                                     std::to_string(kOldestProfileSchemaVersion) + " to " +
                                     std::to_string(kProfileSchemaVersion) + ")");
  }
  const json* scopes = top.find("scopes");
  if (!scopes || !scopes->is_array()) top.fail("$.scopes", "is missing or not an array");
  if (scopes->size() > kMaxReportRows) {
    throw InputError(path, "has " + std::to_string(scopes->size()) + " scopes, over the limit of " +
                               std::to_string(kMaxReportRows));
  }

  if (scopes->empty()) top.fail("$.scopes", "is empty: the report has no scopes");

  ProfileRecord record;
  record.format = ReportFormat::smallmind_prof_json;
  record.generated = top.text("generated", false);
  std::unordered_set<std::string> names;
  for (std::size_t i = 0; i < scopes->size(); ++i) {
    const std::string where = "$.scopes[" + std::to_string(i) + "]";
    ScopeRecord scope = scope_from_json(FieldReader(path, (*scopes)[i], where), version->get<std::int64_t>());
    if (!names.insert(scope.name).second) top.fail(where, "repeats the scope name `" + scope.name + "`");
    record.scopes.push_back(std::move(scope));
  }
  if (const json* context = top.find("context")) {
    if (!context->is_object()) top.fail("$.context", "is not an object");
    try {
      record.context = environment_from_json(*context);
    } catch (const json::exception& error) {
      top.fail("$.context", std::string("has a field of the wrong type: ") + error.what());
    } catch (const std::length_error& error) {
      top.fail("$.context", error.what());
    }
  }
  return record;
}

}  // namespace smp::report
