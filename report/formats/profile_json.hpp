#pragma once
// Our versioned JSON profile: the writer the enhanced command uses and the
// reader compare uses. The schema is described in report/formats/json_schema.md
// and report/formats/schemas/profile.schema.json;
// kProfileSchemaVersion changes whenever a field changes meaning or goes away.
#include <filesystem>
#include <string>
#include <string_view>

#include "report/records/records.hpp"

namespace smp::report {

inline constexpr int kProfileSchemaVersion = 3;
// Older reports are still read: version 1 (one process, no sample_process)
// and 2 (`parent` one comma-joined string, `generated` without a time zone).
inline constexpr int kOldestProfileSchemaVersion = 1;

// Pretty-printed, newline-terminated. Summaries are computed from the raw
// samples, which are written too, so a reader can redo any statistic.
std::string profile_to_json(const ProfileRecord& record);

// Reads what profile_to_json wrote. InputError naming `path` on malformed
// JSON, another schema version, or an invalid figure (named by its JSON path).
ProfileRecord profile_from_json(std::string_view text, const std::filesystem::path& path);

}  // namespace smp::report
