#include "report/formats/profile_json.hpp"

#include <span>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "report/formats/environment_json.hpp"
#include "report/common/errors.hpp"
#include "report/io/input_limits.hpp"
#include "report/io/json_input.hpp"
#include "report/records/stats.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kKind = "smallmind-prof profile";
constexpr double kMsPerSecond = 1e3;
constexpr double kGiga = 1e9;

json summary_json(std::span<const double> samples) {
  const Summary summary = summarise(samples);
  return {{"median", summary.median}, {"mad", summary.mad}, {"min", summary.min},
          {"max", summary.max},       {"samples", samples}};
}

// Work per second over the scope's time; 0 when there is no work or no time.
double rate_giga(double per_call, std::int64_t calls, double time_ms) {
  if (per_call <= 0.0 || time_ms <= 0.0) return 0.0;
  return per_call * static_cast<double>(calls) / (time_ms / kMsPerSecond) / kGiga;
}

json scope_json(const ScopeRecord& scope) {
  return {{"name", scope.name},
          {"parent", scope.parent},
          {"calls", scope.calls},
          {"time_ms", scope.time_ms},
          {"avg_ms", scope.avg_ms},
          {"min_call_ms", scope.min_call_ms},
          {"max_call_ms", scope.max_call_ms},
          {"inclusive_ms", summary_json(scope.inclusive_ms)},
          {"self_ms", summary_json(scope.self_ms)},
          {"alloc_mb", scope.alloc_mb},
          {"alloc_bytes", scope.alloc_bytes},
          {"alloc_count", scope.alloc_count},
          {"free_count", scope.free_count},
          {"flops_per_call", scope.flops_per_call},
          {"bytes_per_call", scope.bytes_per_call},
          {"gflops", rate_giga(scope.flops_per_call, scope.calls, scope.time_ms)},
          {"gbps", rate_giga(scope.bytes_per_call, scope.calls, scope.time_ms)}};
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

ScopeRecord scope_from_json(const FieldReader& reader) {
  ScopeRecord scope;
  scope.name = reader.text("name", true);
  if (scope.name.empty()) reader.fail(reader.at("name"), "is empty");
  scope.parent = reader.text("parent", false);
  scope.calls = reader.count<std::int64_t>("calls");
  scope.inclusive_ms = reader.samples("inclusive_ms");
  scope.self_ms = reader.samples("self_ms");
  // time_ms is the median of the samples by definition; a file without it
  // still compares on the samples alone.
  scope.time_ms = reader.find("time_ms") ? reader.measurement("time_ms") : median(scope.inclusive_ms);
  scope.avg_ms = reader.measurement("avg_ms");
  scope.min_call_ms = reader.measurement("min_call_ms");
  scope.max_call_ms = reader.measurement("max_call_ms");
  scope.alloc_mb = reader.measurement("alloc_mb");
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
  if (!version->is_number_integer() || version->get<std::int64_t>() != kProfileSchemaVersion) {
    top.fail("$.schema_version", version->dump() + " is not supported (this build reads version " +
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
    ScopeRecord scope = scope_from_json(FieldReader(path, (*scopes)[i], where));
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
