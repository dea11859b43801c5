#pragma once
// What standard output shows once a command has run: logs never go there,
// only the data asked for.
//   --format console (default): a comparison's one-line verdict first (the
//     line CI scripts read), then the results tables; -q leaves the verdict.
//   --format md | json | csv: the command's main report (or its table as CSV)
//     and nothing else; the verdict then goes to stderr.
// A command that wrote a report to stdout ('-') keeps stdout to that report.
#include <ostream>

#include "app/jobs/command_output.hpp"

namespace smp::app {

enum class StdoutFormat { console, md, json, csv };
enum class ColourMode { automatic, always, never };

struct StdoutSettings {
  StdoutFormat format = StdoutFormat::console;
  ColourMode colour = ColourMode::automatic;
  bool quiet = false;  // -q: no tables (a --list still prints)
};

// Whether `stream_fd` gets ANSI colours: `always` and `never` say so; auto
// colours a terminal unless NO_COLOR is set to anything non-empty (no-color.org).
bool colour_wanted(ColourMode mode, int stream_fd);

// Prints `output` as the settings ask; returns its exit status. UsageError
// when the format asked for is one the command does not produce (--list as
// md or json).
int show_results(const CommandOutput& output, const StdoutSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace smp::app
