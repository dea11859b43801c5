#include "report/formats/csv_table.hpp"

#include <cstddef>
#include <string_view>
#include <vector>

namespace smp::report {
namespace {

// Quoted when it holds a separator, a quote or a line break; quotes doubled.
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + '"';
}

// Each of `items` gives as many fields as its column has CSV titles; a
// missing field is empty.
template <class Items, class Fields>
std::string csv_record(const ResultsTable& table, const Items& items, Fields fields) {
  std::string line;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::vector<std::string>& values = fields(items[i]);
    for (std::size_t field = 0; field < table.columns[i].csv_titles.size(); ++field) {
      if (!line.empty() || i > 0 || field > 0) line += ',';
      line += field < values.size() ? csv_field(values[field]) : std::string();
    }
  }
  return line + "\r\n";
}

}  // namespace

std::string render_csv_table(const ResultsTable& table) {
  std::string out = csv_record(table, table.columns, [](const Column& column) { return column.csv_titles; });
  for (const std::vector<Cell>& row : table.rows) {
    out += csv_record(table, row, [](const Cell& cell) -> const std::vector<std::string>& { return cell.raw; });
  }
  return out;
}

}  // namespace smp::report
