#pragma once
// The command line this process was started with, quoted for a POSIX shell,
// so a results directory can say exactly how it was made.
#include <string>
#include <string_view>
#include <vector>

namespace smp::app {

// Single-quotes an argument unless it consists only of characters a shell
// passes through unchanged.
std::string shell_quoted(const std::string& argument);

// The arguments joined with spaces, each quoted as needed.
std::string shell_command(const std::vector<std::string>& arguments);

// Splits `text` into words as a POSIX shell does for quoting: whitespace
// separates words; single quotes keep everything, double quotes and a
// backslash keep the next character. No expansion of any kind. UsageError
// naming `what` for an unterminated quote.
std::vector<std::string> shell_words(std::string_view text, std::string_view what);

// This process's arguments (from /proc/self/cmdline), quoted; empty when they
// cannot be read.
std::string invoked_command_line();

}  // namespace smp::app
