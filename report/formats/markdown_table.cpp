#include "report/formats/markdown_table.hpp"

#include <algorithm>
#include <string>

#include "report/common/errors.hpp"
#include "report/io/input_limits.hpp"

namespace smp::report {
namespace {

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool is_table_line(std::string_view line) { return trim(line).starts_with('|'); }

// The first `|` that is not written `\|` (a `|` inside a cell, see
// markdown_code), or npos.
std::size_t unescaped_bar(std::string_view line) {
  for (std::size_t at = line.find('|'); at != std::string_view::npos; at = line.find('|', at + 1)) {
    if (at == 0 || line[at - 1] != '\\') return at;
  }
  return std::string_view::npos;
}

// A row is `| a | b |`: it must close with a pipe, or it was cut short.
std::optional<std::vector<std::string_view>> split_cells(std::string_view line) {
  line = trim(line);
  if (line.size() < 2 || !line.ends_with('|')) return std::nullopt;
  line = line.substr(1, line.size() - 2);
  std::vector<std::string_view> cells;
  while (true) {
    const std::size_t bar = unescaped_bar(line);
    cells.push_back(trim(line.substr(0, bar)));
    if (bar == std::string_view::npos) break;
    line.remove_prefix(bar + 1);
  }
  return cells;
}

bool is_separator(const std::vector<std::string_view>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](std::string_view cell) {
    return !cell.empty() && cell.find_first_not_of("-: ") == std::string_view::npos;
  });
}

std::string line_text(std::size_t line_number) { return "line " + std::to_string(line_number); }

}  // namespace

std::optional<std::size_t> MarkdownTable::column(std::initializer_list<std::string_view> names) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (std::find(names.begin(), names.end(), header[i]) != names.end()) return i;
  }
  return std::nullopt;
}

std::optional<MarkdownTable> read_table(LineReader& lines, const std::function<bool(std::string_view)>& ends_region,
                                        const std::filesystem::path& path) {
  while (lines.peek() && !is_table_line(*lines.peek())) {
    if (ends_region(*lines.peek())) return std::nullopt;
    lines.advance();
  }
  const auto first = lines.peek();
  if (!first) return std::nullopt;
  const auto header = split_cells(*first);
  if (!header || is_separator(*header)) return std::nullopt;
  MarkdownTable table;
  table.header = *header;
  // The table ends at its first line that is not a row, as markdown tables do.
  for (lines.advance(); lines.peek() && is_table_line(*lines.peek()); lines.advance()) {
    const std::size_t line_number = lines.line_number();
    auto cells = split_cells(*lines.peek());
    if (!cells) throw InputError(path, "truncated table row at " + line_text(line_number));
    if (is_separator(*cells)) continue;
    if (cells->size() != table.header.size()) {
      throw InputError(path, "truncated or malformed table row at " + line_text(line_number) + ": " +
                                 std::to_string(cells->size()) + " cells where the header has " +
                                 std::to_string(table.header.size()));
    }
    if (table.rows.size() == kMaxReportRows) {
      throw InputError(path, "has more than " + std::to_string(kMaxReportRows) + " table rows (at " +
                                 line_text(line_number) + "), over the limit");
    }
    table.rows.push_back({line_number, std::move(*cells)});
  }
  return table;
}

}  // namespace smp::report
