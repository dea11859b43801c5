#pragma once
// The tool's command line in one place: the global options, every command and
// SmallMind's flag forms. Parsing is separate from running, so the whole
// grammar can be exercised (and fuzzed) without running a command.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app/cli/commands/command.hpp"
#include "app/cli/logging.hpp"
#include "app/cli/results_stdout.hpp"

namespace smp::app {

struct Invocation {
  std::optional<int> finished;  // the exit status when parsing settled it: --help, --version, an error
  Verbosity verbosity = Verbosity::normal;
  std::string isa = "auto";     // auto or a --isa choice of kernels::kIsaSpellings
  StdoutSettings output;        // --format, --color, -q
  CommandRunner command;        // set whenever `finished` is not
};

// Parses the arguments after the program name. Help and version text go to
// `out`, a usage error's one line to `err`; nothing runs.
Invocation parse_command_line(std::vector<std::string> arguments, std::ostream& out, std::ostream& err);

}  // namespace smp::app
