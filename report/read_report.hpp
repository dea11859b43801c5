#pragma once
// One entry point for every input compare accepts. The format is recognised
// by content, never by file name: a JSON object is our JSON profile, anything
// else must be one of the markdown reports.
#include <filesystem>

#include "records.hpp"

namespace smp::report {

// Throws InputError naming `path` for anything that is not a valid report.
ProfileRecord read_report(const std::filesystem::path& path);

}  // namespace smp::report
