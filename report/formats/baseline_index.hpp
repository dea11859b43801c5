#pragma once
// baselines/index.json: which folder of a baselines directory holds the
// baseline of which machine fingerprint.
//   { "schema_version": 1, "kind": "smallmind-prof baseline index",
//     "entries": [ { "cpu_model", "cpu_signature" (optional), "isa", "threads",
//                    "build_type", "folder" } ] }
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/records/machine_fingerprint.hpp"

namespace smp::report {

inline constexpr int kBaselineIndexSchemaVersion = 1;
inline constexpr std::string_view kBaselineIndexKind = "smallmind-prof baseline index";

struct BaselineEntry {
  MachineFingerprint fingerprint;
  std::string folder;  // one plain name inside the baselines directory
};

struct BaselineIndex {
  std::vector<BaselineEntry> entries;  // at most one per fingerprint and per folder
};

// Pretty-printed, newline-terminated, entries in the index's order.
std::string baseline_index_to_json(const BaselineIndex& index);

// InputError naming `path` on malformed JSON, another schema version or kind,
// a missing or invalid field, a folder that is not one plain name, or two
// entries with the same fingerprint or folder.
BaselineIndex baseline_index_from_json(std::string_view text, const std::filesystem::path& path);

std::optional<BaselineEntry> find_entry(const BaselineIndex& index, const MachineFingerprint& fingerprint);

}  // namespace smp::report
