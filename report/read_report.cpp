#include "read_report.hpp"

#include <string>

#include "input_file.hpp"
#include "json_io.hpp"
#include "markdown_parse.hpp"

namespace smp::report {

ProfileRecord read_report(const std::filesystem::path& path) {
  const std::string text = read_text_input(path);
  const std::size_t first = text.find_first_not_of(" \t\r\n");  // read_text_input refused blank files
  if (text[first] == '{') return profile_from_json(text, path);
  return parse_markdown_report(text, path);
}

}  // namespace smp::report
