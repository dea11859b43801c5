#pragma once
// Text from input files (scope names, paths, patterns) is shown, never
// obeyed: escape sequences must not reach a terminal, a newline must not
// split a one-line message or a table row, and `|` must not add a cell.
#include <string>
#include <string_view>

namespace smp::report {

// Control characters and DEL as \n, \r, \t or \xNN, and backslash doubled,
// so that the result is one line with no escape sequence in it.
std::string escaped_for_terminal(std::string_view text);

// A name as a markdown code span, safe in a table cell: `|` as `\|` (GitHub
// renders it as `|`, our table reader reads it back as `|`), a backtick and
// control characters as \xNN, so that the span and the row stay whole.
std::string markdown_code(std::string_view name);

// A markdown cell's text as written by escaped_for_markdown_cell: `\|` is `|`.
std::string unescaped_markdown_cell(std::string_view cell);

// `text` cut to at most `limit` bytes (at a UTF-8 character boundary) with
// "..." appended when it was longer, for quoting user input in a message.
std::string shortened(std::string_view text, std::size_t limit);

}  // namespace smp::report
