#pragma once
// A structural well-formedness check for the SVG the tool writes: one root
// element, every tag closed in order, attribute values quoted, and no raw
// '<' or stray '&' in text or attribute values. Returns the first problem, or
// nothing when the document is well formed.
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace smp::test {

// How many times `needle` occurs in `text`, overlaps included.
inline std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// A '&' must start one of XML's entities or a character reference.
inline bool entities_valid(std::string_view text) {
  static const std::regex kEntity("^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);");
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<') return false;
    if (text[i] == '&' && !std::regex_search(std::string(text.substr(i)), kEntity)) return false;
  }
  return true;
}

inline std::optional<std::string> xml_problem(std::string_view document) {
  static const std::regex kAttribute(R"(^\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'))");
  static const std::regex kName(R"(^[A-Za-z_:][-A-Za-z0-9_:.]*)");
  std::vector<std::string> open;
  int roots = 0;
  std::size_t i = 0;
  if (document.starts_with("<?xml")) {
    const std::size_t end = document.find("?>");
    if (end == std::string_view::npos) return "unterminated XML declaration";
    i = end + 2;
  }
  while (i < document.size()) {
    const std::size_t lt = document.find('<', i);
    const std::string_view text = document.substr(i, lt == std::string_view::npos ? std::string_view::npos : lt - i);
    if (!entities_valid(text)) return "invalid character data: " + std::string(text);
    if (open.empty() && text.find_first_not_of(" \t\r\n") != std::string_view::npos) return "text outside the root";
    if (lt == std::string_view::npos) break;
    const std::size_t gt = document.find('>', lt);
    if (gt == std::string_view::npos) return "unterminated tag";
    std::string tag(document.substr(lt + 1, gt - lt - 1));
    if (tag.starts_with("/")) {
      const std::string name = tag.substr(1);
      if (open.empty() || open.back() != name) return "unbalanced closing tag </" + name + ">";
      open.pop_back();
    } else {
      const bool self_closing = tag.ends_with("/");
      if (self_closing) tag.pop_back();
      std::smatch match;
      if (!std::regex_search(tag, match, kName)) return "tag without a name: <" + tag + ">";
      const std::string name = match.str(0);
      std::string rest = match.suffix();
      while (std::regex_search(rest, match, kAttribute)) {
        const std::string value = match.str(2);
        if (!entities_valid(std::string_view(value).substr(1, value.size() - 2))) return "invalid attribute " + value;
        rest = match.suffix();
      }
      if (rest.find_first_not_of(" \t\r\n") != std::string::npos) return "malformed attributes in <" + name + ">";
      if (open.empty() && ++roots > 1) return "more than one root element";
      if (!self_closing) open.push_back(name);
    }
    i = gt + 1;
  }
  if (!open.empty()) return "unclosed element <" + open.back() + ">";
  if (roots != 1) return "no root element";
  return std::nullopt;
}

}  // namespace smp::test
