#pragma once
// Log lines for the console and the run log: the message part escaped
// (report::escaped_for_terminal), since it may quote scope names and paths
// from input files.
#include <memory>
#include <string>

#include <spdlog/formatter.h>

namespace smp::app {

// `pattern` is spdlog's, with %* standing for the escaped message.
std::unique_ptr<spdlog::formatter> escaped_log_formatter(const std::string& pattern);

}  // namespace smp::app
