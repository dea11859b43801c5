#pragma once
// Reading an input report as text. Everything that cannot be a report is
// refused here, before any parser runs, with the path and the reason:
// missing, not a regular file, over the size limit (checked before reading),
// empty, or binary. A UTF-8 byte-order mark is dropped.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace smp::report {

// Throws InputError naming `path`.
std::string read_text_input(const std::filesystem::path& path);

// The content checks of read_text_input on text already in memory: drops a
// BOM, refuses empty or binary text. Throws InputError naming `path`.
std::string checked_text(std::string text, const std::filesystem::path& path);

// Lines without their terminators; "\r\n" and "\n" both end a line.
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace smp::report
