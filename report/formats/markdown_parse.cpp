#include "report/formats/markdown_parse.hpp"

#include <charconv>
#include <string>
#include <unordered_map>

#include "report/common/errors.hpp"
#include "report/common/text_escape.hpp"
#include "report/io/input_file.hpp"
#include "report/formats/markdown_sections.hpp"
#include "report/formats/markdown_table.hpp"
#include "report/io/input_limits.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kGeneratedLabel = "**Generated:**";

// Header cells: the enhanced name first, the older standard/deep name second.
constexpr std::string_view kStandardTimeHeader = "Total Time (ms)";

class RowReader {
 public:
  RowReader(const fs::path& path, const TableRow& row) : path_(path), row_(row) {}

  std::string_view text(std::size_t column) const { return row_.cells[column]; }

  double measurement(std::size_t column, std::string_view what) const {
    const auto value = number<double>(column, what);
    if (const auto problem = measurement_problem(value)) fail(quoted(column, what) + " " + *problem);
    return value;
  }

  std::int64_t count(std::size_t column, std::string_view what) const {
    const auto value = number<std::int64_t>(column, what);
    if (value < 0) fail("invalid " + quoted(column, what));
    return value;
  }

  std::string method(std::size_t column) const {
    std::string_view name = text(column);
    if (name.size() >= 2 && name.front() == '`' && name.back() == '`') name = name.substr(1, name.size() - 2);
    if (name.empty()) fail("empty method name");
    return unescaped_markdown_cell(name);
  }

  [[noreturn]] void fail(const std::string& problem) const {
    throw InputError(path_, problem + " at line " + std::to_string(row_.line_number));
  }

 private:
  // The cell as a number, commas being thousands separators.
  template <class Number>
  Number number(std::size_t column, std::string_view what) const {
    const std::string digits = without_commas(column);
    Number value{};
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    const bool whole_cell = !digits.empty() && end == digits.data() + digits.size();
    if (whole_cell && error == std::errc::result_out_of_range) fail(quoted(column, what) + " is out of range");
    if (!whole_cell || error != std::errc{}) fail("non-numeric " + quoted(column, what));
    return value;
  }

  std::string quoted(std::size_t column, std::string_view what) const {
    return std::string(what) + " '" + std::string(text(column)) + "'";
  }

  std::string without_commas(std::size_t column) const {
    std::string digits(text(column));
    std::erase(digits, ',');
    return digits;
  }

  const fs::path& path_;
  const TableRow& row_;
};

// Moves `lines` to the first line containing `needle`; false when there is none.
bool skip_to_line_with(LineReader& lines, std::string_view needle) {
  for (; lines.peek(); lines.advance()) {
    if (lines.peek()->find(needle) != std::string_view::npos) return true;
  }
  return false;
}

std::string generated_stamp(std::string_view text) {
  LineReader lines(text);
  if (!skip_to_line_with(lines, kGeneratedLabel)) return {};
  const std::string_view line = *lines.peek();
  std::string_view stamp = line.substr(line.find(kGeneratedLabel) + kGeneratedLabel.size());
  const std::size_t first = stamp.find_first_not_of(' ');
  const std::size_t last = stamp.find_last_not_of(' ');
  return first == std::string_view::npos ? std::string() : std::string(stamp.substr(first, last - first + 1));
}

[[noreturn]] void no_table(const fs::path& path, const std::string& detail) {
  throw InputError(path, "no recognisable hot-paths table (" + detail + ")");
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

// The older format keeps allocations in their own table, keyed by method,
// in the section `lines` is at.
void read_standard_allocations(LineReader& lines, std::vector<ScopeRecord>& scopes, const fs::path& path) {
  lines.advance();
  const auto table = read_table(lines, [](std::string_view line) { return line.starts_with("## "); }, path);
  if (!table) return;
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

bool is_allocators_heading(std::string_view line) { return line.find(kAllocatorsHeading) != std::string_view::npos; }

std::string_view trailing_space_trimmed(std::string_view line) {
  const std::size_t last = line.find_last_not_of(" \t\r");
  return last == std::string_view::npos ? std::string_view() : line.substr(0, last + 1);
}

// A report cut short, even cleanly at a row boundary, lacks the section its
// kind always ends with, and every table after the cut lacks rows: refused.
void check_complete(LineReader& lines, ReportFormat format, const fs::path& path) {
  const bool standard = format == ReportFormat::smallmind_standard;
  for (; lines.peek(); lines.advance()) {
    const std::string_view line = trailing_space_trimmed(*lines.peek());
    if (standard ? line == kSmallMindStandardEnd : line == kSmallMindEnhancedEnd || line == kOurEnd) return;
  }
  throw InputError(path, standard ? "is truncated: it ends before its '" + std::string(kSmallMindStandardEnd) +
                                        "' section"
                                  : "is truncated: it ends before its closing section ('" +
                                        std::string(kSmallMindEnhancedEnd) + "' in SmallMind's report, '" +
                                        std::string(kOurEnd) + "' in ours)");
}

}  // namespace

ProfileRecord parse_markdown_report(std::string_view text, const fs::path& path) {
  LineReader lines(text);
  if (!skip_to_line_with(lines, kHotPathsHeading)) no_table(path, "no '🔥 Hot Paths' section");
  lines.advance();
  const auto table = read_table(lines, is_allocators_heading, path);
  if (!table) no_table(path, "no table after '🔥 Hot Paths'");
  if (table->rows.empty()) no_table(path, "the table after '🔥 Hot Paths' has no rows");

  ProfileRecord record;
  record.generated = generated_stamp(text);
  record.scopes = read_hot_paths(*table, path);
  if (table->column({kStandardTimeHeader})) {
    record.format = ReportFormat::smallmind_standard;
    if (skip_to_line_with(lines, kAllocatorsHeading)) read_standard_allocations(lines, record.scopes, path);
  }
  check_complete(lines, record.format, path);
  return record;
}

}  // namespace smp::report
