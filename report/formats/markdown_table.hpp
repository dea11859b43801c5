#pragma once
// Reading one pipe table out of a markdown file: the header row, the
// separator, and the rows that follow up to the first line that is not a row.
#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <functional>
#include <string_view>
#include <vector>

#include "report/io/input_file.hpp"

namespace smp::report {

struct TableRow {
  std::size_t line_number = 0;  // 1-based, for messages
  std::vector<std::string_view> cells;
};

struct MarkdownTable {
  std::vector<std::string_view> header;
  std::vector<TableRow> rows;

  // Index of the first header cell equal to one of `names`.
  std::optional<std::size_t> column(std::initializer_list<std::string_view> names) const;
};

// The first table at or after the reader's line and before the first line
// for which `ends_region` holds (left unread), or nothing when there is none.
// Reads on to the line after the table. A row that is cut short or has the
// wrong number of cells, or a row past kMaxReportRows (refused as it is
// read, so a huge file never becomes a huge table), is an InputError naming
// `path` and the line.
std::optional<MarkdownTable> read_table(LineReader& lines, const std::function<bool(std::string_view)>& ends_region,
                                        const std::filesystem::path& path);

}  // namespace smp::report
