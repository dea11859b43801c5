#pragma once
// allocation-profile.json: the versioned allocation report with every
// repetition's raw sample, written (alloc_json_write.cpp) and read back
// (alloc_json_read.cpp).
#include <filesystem>
#include <string>
#include <string_view>

#include "report/records/alloc_record.hpp"

namespace smp::report {

inline constexpr int kAllocSchemaVersion = 1;
inline constexpr std::string_view kAllocKind = "smallmind-prof allocation profile";


// Pretty-printed, newline-terminated; summaries and the analysis are derived
// from the samples, which are written too.
std::string alloc_to_json(const AllocationRecord& record);

// Reads what alloc_to_json wrote (the derived fields are recomputed, not
// read). InputError naming `path` on malformed JSON, another schema version
// or kind, or a missing or invalid field.
AllocationRecord alloc_from_json(std::string_view text, const std::filesystem::path& path);

}  // namespace smp::report
