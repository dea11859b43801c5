#pragma once
// Reading one pipe table out of a markdown file: the header row, the
// separator, and the rows that follow up to the first line that is not a row.
#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

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

// The first table in lines [begin, end), or nothing when that range holds no
// table. A row that is cut short or has the wrong number of cells is an
// InputError naming `path` and the line.
std::optional<MarkdownTable> read_table(std::span<const std::string_view> lines, std::size_t begin,
                                        std::size_t end, const std::filesystem::path& path);

}  // namespace smp::report
