#pragma once
// The allocation profiler's two report formats, both rendered from an
// AllocationRecord: allocation-profile.txt, laid out like SmallMind's
// AllocationProfiler output, and the versioned allocation-profile.json with
// every repetition's raw sample, plus the reader for that JSON.
#include <filesystem>
#include <string>
#include <string_view>

#include "alloc_record.hpp"

namespace smp::report {

inline constexpr int kAllocSchemaVersion = 1;
inline constexpr std::string_view kAllocKind = "smallmind-prof allocation profile";

// SmallMind's headings and line order; its Runtime/OS/Processor Count lines
// become our environment lines. Newline-terminated.
std::string alloc_to_text(const AllocationRecord& record);

// Pretty-printed, newline-terminated; summaries and the analysis are derived
// from the samples, which are written too.
std::string alloc_to_json(const AllocationRecord& record);

// Reads what alloc_to_json wrote (the derived fields are recomputed, not
// read). InputError naming `path` on malformed JSON, another schema version
// or kind, or a missing or invalid field.
AllocationRecord alloc_from_json(std::string_view text, const std::filesystem::path& path);

}  // namespace smp::report
