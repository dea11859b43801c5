#pragma once
// Reading an input report as text. Everything that cannot be a report is
// refused here, before any parser runs, with the path and the reason:
// missing, not a regular file, over the size limit (checked before reading),
// empty, or binary. A UTF-8 byte-order mark is dropped.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace smp::report {

// Throws InputError naming `path`.
std::string read_text_input(const std::filesystem::path& path);

// The content checks of read_text_input on text already in memory: drops a
// BOM, refuses empty or binary text. Throws InputError naming `path`.
std::string checked_text(std::string text, const std::filesystem::path& path);

// Walks a text one line at a time without holding the lines, so memory stays
// the same however many lines a file has. "\r\n" and "\n" both end a line.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : rest_(text) {}

  // The next line without its terminator, or nothing after the last.
  std::optional<std::string_view> peek() const;
  void advance();
  // 1-based number of the line peek() returns.
  std::size_t line_number() const { return line_number_; }

 private:
  std::string_view rest_;
  std::size_t line_number_ = 1;
  bool done_ = false;
};

}  // namespace smp::report
