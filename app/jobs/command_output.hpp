#pragma once
// What a command leaves for standard output once its files are written: its
// exit status, the one-line verdict of a comparison, its results tables, and
// its main report as markdown and as JSON. The command line chooses which of
// them stdout shows (--format, -q); jobs only produce them.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <filesystem>
#include <string_view>

#include "app/outputs/output_files.hpp"
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

// Writes `files` into `directory` as one set, logs every path written, and
// returns the output of a command that measures: its table, and the files
// named `markdown_file` and `json_file` as its md and json.
CommandOutput write_measured_outputs(const std::filesystem::path& directory, const std::vector<OutputFile>& files,
                                     report::ResultsTable table, std::string_view markdown_file,
                                     std::string_view json_file);

}  // namespace smp::app
