#include "report/formats/read_report.hpp"

#include <string>

#include "report/common/errors.hpp"
#include "report/io/input_file.hpp"
#include "report/formats/profile_json.hpp"
#include "report/formats/markdown_parse.hpp"

namespace smp::report {

ProfileRecord parse_report(std::string_view text, const std::filesystem::path& path) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') return profile_from_json(text, path);
  if (first != std::string_view::npos && text[first] == '[') {
    throw InputError(path, "is a JSON array, not a report (a JSON report is an object with schema_version and scopes)");
  }
  return parse_markdown_report(text, path);
}

ProfileRecord read_report(const std::filesystem::path& path) { return parse_report(read_text_input(path), path); }

}  // namespace smp::report
