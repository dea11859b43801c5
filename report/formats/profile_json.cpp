#include "report/formats/profile_json.hpp"

#include <algorithm>
#include <span>
#include <unordered_set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/formats/environment_json.hpp"
#include "report/io/json_field_reader.hpp"
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

constexpr std::string_view kDocument = "JSON report";

std::vector<double> samples_from_json(const FieldReader& scope, const char* key) {
  const auto summary = scope.optional_object(key);
  if (!summary) return {};
  const json* list = summary->optional_array("samples", "samples");
  if (!list) return {};
  std::vector<double> values;
  values.reserve(list->size());
  for (std::size_t i = 0; i < list->size(); ++i) {
    values.push_back(summary->measurement((*list)[i], summary->at("samples", i)));
  }
  return values;
}

// Each sample's process: as many non-negative integers as samples, or none.
std::vector<std::uint32_t> process_tags_from_json(const FieldReader& scope, const char* key, std::size_t samples) {
  const json* list = scope.optional_array(key);
  if (!list || list->empty()) return {};
  if (list->size() != samples) {
    scope.fail(scope.at(key), fmt::format("has {} entries for {} samples", list->size(), samples));
  }
  std::vector<std::uint32_t> tags;
  tags.reserve(list->size());
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json& tag = (*list)[i];
    if (!tag.is_number_unsigned() || tag.get<std::uint64_t>() >= samples) {
      scope.fail(scope.at(key, i), "is not a process index below the sample count");
    }
    tags.push_back(tag.get<std::uint32_t>());
  }
  return tags;
}

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
  scope.name = reader.text("name");
  if (scope.name.empty()) reader.fail(reader.at("name"), "is empty");
  scope.parents = version >= 3 ? reader.optional_texts("parents")
                                : parents_before_version_3(reader.optional_text("parent").value_or(""));
  scope.calls = reader.optional_integer<std::int64_t>("calls", 0).value_or(0);
  scope.inclusive_ms = samples_from_json(reader, "inclusive_ms");
  scope.self_ms = samples_from_json(reader, "self_ms");
  scope.sample_process = process_tags_from_json(reader, "sample_process", scope.inclusive_ms.size());
  // time_ms, avg_ms and alloc_mb are derived from the samples and bytes on
  // reading, as on writing, so a file cannot make them disagree.
  scope.min_call_ms = reader.optional_measurement("min_call_ms").value_or(0.0);
  scope.max_call_ms = reader.optional_measurement("max_call_ms").value_or(0.0);
  scope.alloc_bytes = reader.optional_integer<std::uint64_t>("alloc_bytes", 0).value_or(0);
  scope.alloc_count = reader.optional_integer<std::uint64_t>("alloc_count", 0).value_or(0);
  scope.free_count = reader.optional_integer<std::uint64_t>("free_count", 0).value_or(0);
  scope.flops_per_call = reader.optional_measurement("flops_per_call").value_or(0.0);
  scope.bytes_per_call = reader.optional_measurement("bytes_per_call").value_or(0.0);
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
  const FieldReader top(path, kDocument, document, "$");
  const json* version = top.find("schema_version");
  if (!version) top.fail("$.schema_version", "is missing (not a smallmind-prof JSON profile)");
  if (!version->is_number_integer() || version->get<std::int64_t>() < kOldestProfileSchemaVersion ||
      version->get<std::int64_t>() > kProfileSchemaVersion) {
    top.fail("$.schema_version", fmt::format("{} is not supported (this build reads versions {} to {})",
                                             version->dump(), kOldestProfileSchemaVersion, kProfileSchemaVersion));
  }
  const json& scopes = top.array("scopes", "scopes");
  if (scopes.empty()) top.fail("$.scopes", "is empty: the report has no scopes");

  ProfileRecord record;
  record.format = ReportFormat::smallmind_prof_json;
  record.generated = top.optional_text("generated").value_or("");
  std::unordered_set<std::string> names;
  for (std::size_t i = 0; i < scopes.size(); ++i) {
    const std::string where = fmt::format("$.scopes[{}]", i);
    ScopeRecord scope = scope_from_json(top.reader_for(scopes[i], where), version->get<std::int64_t>());
    if (!names.insert(scope.name).second) top.fail(where, fmt::format("repeats the scope name `{}`", scope.name));
    record.scopes.push_back(std::move(scope));
  }
  if (const auto context = top.optional_object("context")) record.context = environment_from_json(*context);
  return record;
}

}  // namespace smp::report
