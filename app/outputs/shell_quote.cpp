#include "app/outputs/shell_quote.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string_view>

#include "report/common/errors.hpp"

namespace smp::app {
namespace {

bool passes_unquoted(char c) {
  constexpr std::string_view kSafe = "-_./=,:+@%";
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         kSafe.find(c) != std::string_view::npos;
}

}  // namespace

std::string shell_quoted(const std::string& argument) {
  if (!argument.empty() && std::all_of(argument.begin(), argument.end(), passes_unquoted)) return argument;
  std::string quoted = "'";
  for (char c : argument) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string shell_command(const std::vector<std::string>& arguments) {
  std::string command;
  for (const std::string& argument : arguments) command += (command.empty() ? "" : " ") + shell_quoted(argument);
  return command;
}

std::vector<std::string> shell_words(std::string_view text, std::string_view what) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = '\0';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote == '\'') {
      if (c == '\'') quote = '\0';
      else word += c;
    } else if (c == '\\' && quote != '\'') {
      if (++i == text.size()) throw UsageError(std::string(what) + ": ends in a lone backslash");
      word += text[i];
      in_word = true;
    } else if (quote == '"') {
      if (c == '"') quote = '\0';
      else word += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (quote != '\0') throw UsageError(std::string(what) + ": unterminated " + quote + " quote");
  if (in_word) words.push_back(std::move(word));
  return words;
}

std::string invoked_command_line() {
  std::ifstream stream("/proc/self/cmdline", std::ios::binary);
  const std::string raw{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
  std::vector<std::string> arguments;
  std::size_t start = 0;
  for (std::size_t end = raw.find('\0'); end != std::string::npos; end = raw.find('\0', start = end + 1)) {
    arguments.push_back(raw.substr(start, end - start));
  }
  return shell_command(arguments);
}

}  // namespace smp::app
