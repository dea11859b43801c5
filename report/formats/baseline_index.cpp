#include "report/formats/baseline_index.hpp"

#include <algorithm>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "report/common/errors.hpp"
#include "report/io/json_input.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

[[noreturn]] void fail(const fs::path& path, const std::string& problem) {
  throw InputError(path, "invalid baseline index: " + problem);
}

const json& member(const json& object, const char* key, const std::string& where, const fs::path& path) {
  const auto it = object.find(key);
  if (it == object.end()) fail(path, where + "." + key + " is missing");
  return *it;
}

std::string text_member(const json& object, const char* key, const std::string& where, const fs::path& path) {
  const json& value = member(object, key, where, path);
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    fail(path, where + "." + key + " is not a non-empty string");
  }
  return value.get<std::string>();
}

// A folder must stay inside the baselines directory: one name, no separator.
bool is_plain_name(const std::string& name) {
  return name != "." && name != ".." && name.find('/') == std::string::npos && name.find('\\') == std::string::npos;
}

BaselineEntry entry_from_json(const json& object, const std::string& where, const fs::path& path) {
  if (!object.is_object()) fail(path, where + " is not an object");
  BaselineEntry entry;
  entry.fingerprint.cpu_model = text_member(object, "cpu_model", where, path);
  entry.fingerprint.isa = text_member(object, "isa", where, path);
  entry.fingerprint.build_type = text_member(object, "build_type", where, path);
  const json& threads = member(object, "threads", where, path);
  if (!threads.is_number_unsigned() || threads.get<std::uint64_t>() < 1 || threads.get<std::uint64_t>() > 4096) {
    fail(path, where + ".threads is not a thread count of 1 to 4096");
  }
  entry.fingerprint.threads = threads.get<int>();
  entry.folder = text_member(object, "folder", where, path);
  if (!is_plain_name(entry.folder)) fail(path, where + ".folder `" + entry.folder + "` is not one plain folder name");
  return entry;
}

}  // namespace

std::string baseline_index_to_json(const BaselineIndex& index) {
  json entries = json::array();
  for (const BaselineEntry& entry : index.entries) {
    entries.push_back({{"cpu_model", entry.fingerprint.cpu_model},
                       {"isa", entry.fingerprint.isa},
                       {"threads", entry.fingerprint.threads},
                       {"build_type", entry.fingerprint.build_type},
                       {"folder", entry.folder}});
  }
  const json document = {
      {"schema_version", kBaselineIndexSchemaVersion}, {"kind", kBaselineIndexKind}, {"entries", entries}};
  return document.dump(2) + "\n";
}

BaselineIndex baseline_index_from_json(std::string_view text, const fs::path& path) {
  const json document = parse_json_input(text, path);
  if (!document.is_object()) fail(path, "$ is not an object");
  const json& version = member(document, "schema_version", "$", path);
  if (!version.is_number_integer() || version.get<std::int64_t>() != kBaselineIndexSchemaVersion) {
    fail(path, "$.schema_version is not " + std::to_string(kBaselineIndexSchemaVersion));
  }
  if (text_member(document, "kind", "$", path) != kBaselineIndexKind) {
    fail(path, "$.kind is not \"" + std::string(kBaselineIndexKind) + "\"");
  }
  const json& entries = member(document, "entries", "$", path);
  if (!entries.is_array()) fail(path, "$.entries is not an array");
  BaselineIndex index;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string where = "$.entries[" + std::to_string(i) + "]";
    BaselineEntry entry = entry_from_json(entries[i], where, path);
    for (const BaselineEntry& earlier : index.entries) {
      if (earlier.fingerprint == entry.fingerprint) {
        fail(path, where + " repeats the fingerprint of folder `" + earlier.folder + "`");
      }
      if (earlier.folder == entry.folder) fail(path, where + " repeats the folder `" + entry.folder + "`");
    }
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
