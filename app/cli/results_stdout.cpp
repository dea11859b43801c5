#include "app/cli/results_stdout.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "report/common/errors.hpp"
#include "report/common/text_escape.hpp"
#include "report/formats/console_table.hpp"
#include "report/formats/csv_table.hpp"

namespace smp::app {
namespace {

const std::string& report_in(const CommandOutput& output, StdoutFormat format) {
  const std::string& report = format == StdoutFormat::md ? output.markdown : output.json;
  if (report.empty()) {
    throw UsageError(std::string("--format ") + (format == StdoutFormat::md ? "md" : "json") +
                     ": this command prints a table only (use --format console or csv)");
  }
  return report;
}

void print_tables(const CommandOutput& output, bool colour, std::ostream& out) {
  bool first = true;
  for (const report::ResultsTable& table : output.tables) {
    out << (first ? "" : "\n") << report::render_console_table(table, colour);
    first = false;
  }
}

}  // namespace

bool colour_wanted(ColourMode mode, int stream_fd) {
  if (mode != ColourMode::automatic) return mode == ColourMode::always;
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  return isatty(stream_fd) == 1;
}

int show_results(const CommandOutput& output, const StdoutSettings& settings, std::ostream& out, std::ostream& err) {
  const std::string verdict = output.verdict_line ? report::escaped_for_terminal(*output.verdict_line) + '\n' : "";
  if (output.stdout_taken) {
    err << verdict;
    return output.status;
  }
  switch (settings.format) {
    case StdoutFormat::console:
      out << verdict;
      if (settings.quiet && !output.listing) break;
      if (!verdict.empty()) out << '\n';
      print_tables(output, colour_wanted(settings.colour, STDOUT_FILENO), out);
      break;
    case StdoutFormat::csv:
      err << verdict;
      out << report::render_csv_table(output.tables.at(output.csv_table));
      break;
    case StdoutFormat::md:
    case StdoutFormat::json:
      out << report_in(output, settings.format);
      err << verdict;
      break;
  }
  return output.status;
}

}  // namespace smp::app
