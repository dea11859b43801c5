#pragma once
// The command line this process was started with, quoted for a POSIX shell,
// so a results directory can say exactly how it was made.
#include <string>
#include <vector>

namespace smp::app {

// Single-quotes an argument unless it consists only of characters a shell
// passes through unchanged.
std::string shell_quoted(const std::string& argument);

// The arguments joined with spaces, each quoted as needed.
std::string shell_command(const std::vector<std::string>& arguments);

// This process's arguments (from /proc/self/cmdline), quoted; empty when they
// cannot be read.
std::string invoked_command_line();

}  // namespace smp::app
