#pragma once
// What a command leaves for standard output once its files are written: its
// exit status, the one-line verdict of a comparison, its results tables, and
// its main report as markdown and as JSON. The command line chooses which of
// them stdout shows (--format, -q); jobs only produce them.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "report/common/exit_codes.hpp"
#include "report/formats/results_table.hpp"

namespace smp::app {

struct CommandOutput {
  int status = kExitSuccess;
  std::optional<std::string> verdict_line;   // compare, ab, and run with a baseline
  std::vector<report::ResultsTable> tables;  // --format console: all of them, in order
  std::size_t csv_table = 0;                 // --format csv: this one of `tables`
  std::string markdown;                      // --format md (alloc: SmallMind's text layout)
  std::string json;                          // --format json
  bool listing = false;                      // the tables are what was asked for (--list): -q keeps them
  bool stdout_taken = false;                 // a report was written to stdout ('-'): nothing else goes there
};

}  // namespace smp::app
