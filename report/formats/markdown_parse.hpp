#pragma once
// Parsers for SmallMind's markdown profile reports: the enhanced report (whose
// layout our own markdown shares) and the older standard/deep report. Only the
// hot-paths table is read, as SmallMind's comparator does; the older format's
// allocations come from its allocators table.
#include <filesystem>
#include <string_view>

#include "report/records/records.hpp"

namespace smp::report {

// `path` only names the file in errors (InputError). Rows keep the file's order.
ProfileRecord parse_markdown_report(std::string_view text, const std::filesystem::path& path);

}  // namespace smp::report
