#include "report/formats/read_report.hpp"

#include <algorithm>
#include <string>

#include "report/common/errors.hpp"
#include "report/io/input_file.hpp"
#include "report/formats/profile_json.hpp"
#include "report/formats/markdown_parse.hpp"

namespace smp::report {
namespace {

// A report without measurements would compare as n/a or as a change from
// nothing, and pass. It has none when a scope of our JSON holds no time
// sample (our reports always write every repetition's), or when every
// scope's time is 0.
void check_measured(const ProfileRecord& record, const std::filesystem::path& path) {
  if (record.format == ReportFormat::smallmind_prof_json) {
    for (const ScopeRecord& scope : record.scopes) {
      if (!scope.has_samples()) {
        throw InputError(path, "has no measurements for scope `" + scope.name + "`: no inclusive_ms samples");
      }
    }
  }
  const bool any_time = std::any_of(record.scopes.begin(), record.scopes.end(),
                                    [](const ScopeRecord& scope) { return scope.time_ms() > 0.0; });
  if (!any_time) throw InputError(path, "has no measurements: every scope's time is 0");
}

ProfileRecord parse_by_content(std::string_view text, const std::filesystem::path& path) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') return profile_from_json(text, path);
  if (first != std::string_view::npos && text[first] == '[') {
    throw InputError(path, "is a JSON array, not a report (a JSON report is an object with schema_version and scopes)");
  }
  return parse_markdown_report(text, path);
}

}  // namespace

ProfileRecord parse_report(std::string_view text, const std::filesystem::path& path) {
  ProfileRecord record = parse_by_content(text, path);
  check_measured(record, path);
  record.source = path;
  return record;
}

ProfileRecord read_report(const std::filesystem::path& path) { return parse_report(read_text_input(path), path); }

}  // namespace smp::report
