#include "report/formats/markdown_parse.hpp"

#include <charconv>
#include <string>
#include <unordered_map>

#include "report/common/errors.hpp"
#include "report/io/input_file.hpp"
#include "report/formats/markdown_table.hpp"
#include "report/io/input_limits.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;

// Section headings as both SmallMind formats print them; the hot-paths table
// is the one between the first two, as SmallMind's comparator reads it.
constexpr std::string_view kHotPathsHeading = "🔥 Hot Paths";
constexpr std::string_view kAllocatorsHeading = "💾 Top Allocators";
constexpr std::string_view kGeneratedLabel = "**Generated:**";

// Header cells: the enhanced name first, the older standard/deep name second.
constexpr std::string_view kStandardTimeHeader = "Total Time (ms)";

class RowReader {
 public:
  RowReader(const fs::path& path, const TableRow& row) : path_(path), row_(row) {}

  std::string_view text(std::size_t column) const { return row_.cells[column]; }

  double measurement(std::size_t column, std::string_view what) const {
    const std::string digits = without_commas(column);
    double value = 0.0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size()) {
      fail("non-numeric " + std::string(what) + " '" + std::string(text(column)) + "'");
    }
    if (const auto problem = measurement_problem(value)) {
      fail(std::string(what) + " '" + std::string(text(column)) + "' " + *problem);
    }
    return value;
  }

  std::int64_t count(std::size_t column, std::string_view what) const {
    const std::string digits = without_commas(column);
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size() || value < 0) {
      fail("invalid " + std::string(what) + " '" + std::string(text(column)) + "'");
    }
    return value;
  }

  std::string method(std::size_t column) const {
    std::string_view name = text(column);
    if (name.size() >= 2 && name.front() == '`' && name.back() == '`') name = name.substr(1, name.size() - 2);
    if (name.empty()) fail("empty method name");
    return std::string(name);
  }

  [[noreturn]] void fail(const std::string& problem) const {
    throw InputError(path_, problem + " at line " + std::to_string(row_.line_number));
  }

 private:
  std::string without_commas(std::size_t column) const {
    std::string digits(text(column));
    std::erase(digits, ',');
    return digits;
  }

  const fs::path& path_;
  const TableRow& row_;
};

std::size_t find_line(std::span<const std::string_view> lines, std::size_t from, std::string_view needle) {
  for (std::size_t i = from; i < lines.size(); ++i) {
    if (lines[i].find(needle) != std::string_view::npos) return i;
  }
  return lines.size();
}

std::string generated_stamp(std::span<const std::string_view> lines) {
  for (std::string_view line : lines) {
    const std::size_t at = line.find(kGeneratedLabel);
    if (at == std::string_view::npos) continue;
    std::string_view stamp = line.substr(at + kGeneratedLabel.size());
    const std::size_t first = stamp.find_first_not_of(' ');
    const std::size_t last = stamp.find_last_not_of(' ');
    return first == std::string_view::npos ? std::string() : std::string(stamp.substr(first, last - first + 1));
  }
  return {};
}

[[noreturn]] void no_table(const fs::path& path, const std::string& detail) {
  throw InputError(path, "no recognisable hot-paths table (" + detail + ")");
}

void check_row_count(const MarkdownTable& table, const fs::path& path) {
  if (table.rows.size() > kMaxReportRows) {
    throw InputError(path, "has " + std::to_string(table.rows.size()) + " table rows, over the limit of " +
                               std::to_string(kMaxReportRows));
  }
}

// Method name -> first line it appeared on, refusing repeats: two rows for one
// method make every comparison of it ambiguous.
class DuplicateGuard {
 public:
  explicit DuplicateGuard(const fs::path& path) : path_(path) {}
  void add(const std::string& name, std::size_t line_number) {
    const auto [it, inserted] = first_line_.emplace(name, line_number);
    if (!inserted) {
      throw InputError(path_, "duplicate row for method `" + name + "` at line " + std::to_string(line_number) +
                                  " (first at line " + std::to_string(it->second) + ")");
    }
  }

 private:
  const fs::path& path_;
  std::unordered_map<std::string, std::size_t> first_line_;
};

std::vector<ScopeRecord> read_hot_paths(const MarkdownTable& table, const fs::path& path) {
  const auto method = table.column({"Method"});
  const auto time = table.column({"Time (ms)", kStandardTimeHeader});
  const auto calls = table.column({"Calls"});
  if (!method || !time || !calls) no_table(path, "the table after '🔥 Hot Paths' lacks Method, Time or Calls");
  const auto avg = table.column({"Avg (ms)", "Avg Time (ms)"});
  const auto alloc = table.column({"Alloc (MB)"});
  const auto min = table.column({"Min (ms)"});
  const auto max = table.column({"Max (ms)"});

  std::vector<ScopeRecord> scopes;
  DuplicateGuard duplicates(path);
  for (const TableRow& row : table.rows) {
    const RowReader reader(path, row);
    ScopeRecord scope;
    scope.name = reader.method(*method);
    duplicates.add(scope.name, row.line_number);
    scope.printed_time_ms = reader.measurement(*time, "time");
    scope.calls = reader.count(*calls, "call count");
    scope.printed_avg_ms = avg ? reader.measurement(*avg, "average time")
                       : scope.calls > 0 ? scope.time_ms() / static_cast<double>(scope.calls) : 0.0;
    if (alloc) scope.printed_alloc_mb = reader.measurement(*alloc, "allocation");
    if (min) scope.min_call_ms = reader.measurement(*min, "minimum time");
    if (max) scope.max_call_ms = reader.measurement(*max, "maximum time");
    scopes.push_back(std::move(scope));
  }
  return scopes;
}

// The older format keeps allocations in their own table, keyed by method.
void read_standard_allocations(std::span<const std::string_view> lines, std::size_t section,
                               std::vector<ScopeRecord>& scopes, const fs::path& path) {
  std::size_t end = section + 1;
  while (end < lines.size() && !lines[end].starts_with("## ")) ++end;
  const auto table = read_table(lines, section + 1, end, path);
  if (!table) return;
  check_row_count(*table, path);
  const auto method = table->column({"Method"});
  const auto total = table->column({"Total Alloc (MB)"});
  if (!method || !total) return;
  std::unordered_map<std::string, double> alloc_mb;
  DuplicateGuard duplicates(path);
  for (const TableRow& row : table->rows) {
    const RowReader reader(path, row);
    std::string name = reader.method(*method);
    duplicates.add(name, row.line_number);
    alloc_mb[std::move(name)] = reader.measurement(*total, "allocation");
  }
  for (ScopeRecord& scope : scopes) {
    if (const auto found = alloc_mb.find(scope.name); found != alloc_mb.end()) scope.printed_alloc_mb = found->second;
  }
}

}  // namespace

ProfileRecord parse_markdown_report(std::string_view text, const fs::path& path) {
  const std::vector<std::string_view> lines = split_lines(text);
  const std::size_t hot = find_line(lines, 0, kHotPathsHeading);
  if (hot == lines.size()) no_table(path, "no '🔥 Hot Paths' section");
  const std::size_t allocators = find_line(lines, hot + 1, kAllocatorsHeading);

  const auto table = read_table(lines, hot + 1, allocators, path);
  if (!table) no_table(path, "no table after '🔥 Hot Paths'");
  check_row_count(*table, path);
  if (table->rows.empty()) no_table(path, "the table after '🔥 Hot Paths' has no rows");

  ProfileRecord record;
  record.generated = generated_stamp(lines);
  record.scopes = read_hot_paths(*table, path);
  if (table->column({kStandardTimeHeader})) {
    record.format = ReportFormat::smallmind_standard;
    if (allocators < lines.size()) read_standard_allocations(lines, allocators, record.scopes, path);
  }
  return record;
}

}  // namespace smp::report
