#include "report/common/text_escape.hpp"

#include <array>

namespace smp::report {
namespace {

void append_hex(std::string& out, unsigned char byte) {
  constexpr std::array<char, 16> kHex{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  out += "\\x";
  out += kHex[byte >> 4];
  out += kHex[byte & 0xF];
}

void append_escaped(std::string& out, char c) {
  const auto byte = static_cast<unsigned char>(c);
  switch (c) {
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\\': out += "\\\\"; return;
    default: break;
  }
  if (byte < 0x20 || byte == 0x7F) append_hex(out, byte);
  else out += c;
}

}  // namespace

std::string escaped_for_terminal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) append_escaped(out, c);
  return out;
}

std::string markdown_code(std::string_view name) {
  std::string out = "`";
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '|') out += "\\|";
    else if (byte < 0x20 || byte == 0x7F || c == '`') append_hex(out, byte);
    else out += c;
  }
  return out + "`";
}

std::string unescaped_markdown_cell(std::string_view cell) {
  std::string out;
  out.reserve(cell.size());
  for (std::size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size() && cell[i + 1] == '|') ++i;
    out += cell[i];
  }
  return out;
}

std::string shortened(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return std::string(text.substr(0, cut)) + "...";
}

}  // namespace smp::report
