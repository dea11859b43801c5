#include "report/formats/console_table.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "report/common/text_escape.hpp"

namespace smp::report {
namespace {

constexpr std::string_view kColumnGap = "  ";
constexpr std::string_view kReset = "\x1b[0m";

std::string_view colour_of(Tone tone) {
  switch (tone) {
    case Tone::good: return "\x1b[32m";      // green
    case Tone::bad: return "\x1b[1;31m";     // bold red
    case Tone::doubtful: return "\x1b[33m";  // yellow
    case Tone::plain: break;
  }
  return "";
}

// Terminal columns a text takes: one per code point (the tables hold no wide
// characters; µ and ± are one column each).
std::size_t width_of(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string padded(std::string_view text, std::size_t width, Align align) {
  const std::string padding(width - std::min(width, width_of(text)), ' ');
  return align == Align::left ? std::string(text) + padding : padding + std::string(text);
}

// Trailing blanks are dropped, so a line ends where its last figure does.
void end_line(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out += '\n';
}

// A note folded at spaces to the table's width (at least kNoteWidth).
constexpr std::size_t kNoteWidth = 72;

void append_note(std::string& out, std::string_view note, std::size_t width) {
  std::size_t line = 0;
  while (!note.empty()) {
    const std::size_t space = note.find(' ');
    const std::string_view word = note.substr(0, space);
    if (line > 0 && line + 1 + width_of(word) > width) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out += word;
    line += width_of(word);
    note = space == std::string_view::npos ? std::string_view() : note.substr(space + 1);
  }
  out += '\n';
}

}  // namespace

std::string render_console_table(const ResultsTable& table, bool colour) {
  std::vector<std::vector<std::string>> texts;
  for (const std::vector<Cell>& row : table.rows) {
    std::vector<std::string> line;
    for (const Cell& cell : row) line.push_back(escaped_for_terminal(cell.text));
    texts.push_back(std::move(line));
  }
  std::vector<std::size_t> widths;
  for (const Column& column : table.columns) widths.push_back(width_of(column.title));
  for (const std::vector<std::string>& line : texts) {
    for (std::size_t i = 0; i < line.size(); ++i) widths[i] = std::max(widths[i], width_of(line[i]));
  }

  std::string out = table.title + '\n';
  std::size_t total = 0;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    out += (i == 0 ? "" : std::string(kColumnGap)) + padded(table.columns[i].title, widths[i], table.columns[i].align);
    total += widths[i] + (i == 0 ? 0 : kColumnGap.size());
  }
  end_line(out);
  for (std::size_t i = 0; i < total; ++i) out += "─";
  out += '\n';
  for (std::size_t r = 0; r < texts.size(); ++r) {
    for (std::size_t i = 0; i < texts[r].size(); ++i) {
      const Tone tone = table.rows[r][i].tone;
      const std::string cell = padded(texts[r][i], widths[i], table.columns[i].align);
      out += i == 0 ? "" : std::string(kColumnGap);
      out += colour && tone != Tone::plain ? std::string(colour_of(tone)) + cell + std::string(kReset) : cell;
    }
    end_line(out);
  }
  for (const std::string& note : table.notes) append_note(out, note, std::max(total, kNoteWidth));
  return out;
}

}  // namespace smp::report
