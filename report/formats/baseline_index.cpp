#include "report/formats/baseline_index.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/io/json_field_reader.hpp"
#include "report/io/json_input.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kDocument = "baseline index";

std::string non_empty_text(const FieldReader& object, const char* key) {
  const json& value = object.required(key);
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    object.fail(object.at(key), "is not a non-empty string");
  }
  return value.get<std::string>();
}

// A folder must stay inside the baselines directory: one name, no separator.
bool is_plain_name(const std::string& name) {
  return name != "." && name != ".." && name.find('/') == std::string::npos && name.find('\\') == std::string::npos;
}

BaselineEntry entry_from_json(const FieldReader& object) {
  BaselineEntry entry;
  entry.fingerprint.cpu_model = non_empty_text(object, "cpu_model");
  // Entries recorded before the signature was part of the fingerprint have none.
  if (object.find("cpu_signature")) entry.fingerprint.cpu_signature = non_empty_text(object, "cpu_signature");
  entry.fingerprint.isa = non_empty_text(object, "isa");
  entry.fingerprint.build_type = non_empty_text(object, "build_type");
  const json& threads = object.required("threads");
  if (!threads.is_number_unsigned() || threads.get<std::uint64_t>() < 1 || threads.get<std::uint64_t>() > 4096) {
    object.fail(object.at("threads"), "is not a thread count of 1 to 4096");
  }
  entry.fingerprint.threads = threads.get<int>();
  entry.folder = non_empty_text(object, "folder");
  if (!is_plain_name(entry.folder)) {
    object.fail(object.at("folder"), fmt::format("`{}` is not one plain folder name", entry.folder));
  }
  return entry;
}

}  // namespace

std::string baseline_index_to_json(const BaselineIndex& index) {
  json entries = json::array();
  for (const BaselineEntry& entry : index.entries) {
    json object = {{"cpu_model", entry.fingerprint.cpu_model},
                   {"isa", entry.fingerprint.isa},
                   {"threads", entry.fingerprint.threads},
                   {"build_type", entry.fingerprint.build_type},
                   {"folder", entry.folder}};
    if (!entry.fingerprint.cpu_signature.empty()) object["cpu_signature"] = entry.fingerprint.cpu_signature;
    entries.push_back(std::move(object));
  }
  const json document = {
      {"schema_version", kBaselineIndexSchemaVersion}, {"kind", kBaselineIndexKind}, {"entries", entries}};
  return document.dump(2) + "\n";
}

BaselineIndex baseline_index_from_json(std::string_view text, const fs::path& path) {
  const json document = parse_json_input(text, path);
  const FieldReader top(path, kDocument, document, "$");
  const json& version = top.required("schema_version");
  if (!version.is_number_integer() || version.get<std::int64_t>() != kBaselineIndexSchemaVersion) {
    top.fail("$.schema_version", fmt::format("is not {}", kBaselineIndexSchemaVersion));
  }
  if (non_empty_text(top, "kind") != kBaselineIndexKind) {
    top.fail("$.kind", fmt::format("is not \"{}\"", kBaselineIndexKind));
  }
  const json& entries = top.array("entries");
  BaselineIndex index;
  // Repeats are looked up, not searched for: linear in the number of entries.
  std::map<MachineFingerprint, std::string> folder_of_fingerprint;
  std::set<std::string> folders;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string where = top.at("entries", i);
    BaselineEntry entry = entry_from_json(top.reader_for(entries[i], where));
    const auto [earlier, fresh] = folder_of_fingerprint.emplace(entry.fingerprint, entry.folder);
    if (!fresh) top.fail(where, fmt::format("repeats the fingerprint of folder `{}`", earlier->second));
    if (!folders.insert(entry.folder).second) top.fail(where, fmt::format("repeats the folder `{}`", entry.folder));
    index.entries.push_back(std::move(entry));
  }
  return index;
}

std::optional<BaselineEntry> find_entry(const BaselineIndex& index, const MachineFingerprint& fingerprint) {
  const auto it = std::find_if(index.entries.begin(), index.entries.end(),
                               [&](const BaselineEntry& entry) { return entry.fingerprint == fingerprint; });
  if (it == index.entries.end()) return std::nullopt;
  return *it;
}

}  // namespace smp::report
