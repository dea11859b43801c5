#pragma once
// One entry point for every input compare accepts. The format is recognised
// by content, never by file name: a JSON object is our JSON profile, anything
// else must be one of the markdown reports.
#include <filesystem>
#include <string_view>

#include "report/records/records.hpp"

namespace smp::report {

// Throws InputError naming `path` for anything that is not a valid report,
// including one without measurements: a scope of our JSON without time
// samples, or every scope's time 0.
ProfileRecord read_report(const std::filesystem::path& path);

// The parsing half of read_report, on text that passed read_text_input's
// checks; `path` only names the input in errors.
ProfileRecord parse_report(std::string_view text, const std::filesystem::path& path);

}  // namespace smp::report
