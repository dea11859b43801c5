#pragma once
// A results table for a terminal, as google/benchmark's console reporter and
// hyperfine print theirs: a title, aligned columns under a header rule, the
// notes saying what the figures are, and (when asked) verdicts in colour.
#include <string>

#include "report/formats/results_table.hpp"

namespace smp::report {

// ANSI colours for the cells' tones when `colour`; plain text otherwise.
// Text from the records (scope names) is escaped, so no cell can carry a
// terminal escape sequence of its own.
std::string render_console_table(const ResultsTable& table, bool colour);

}  // namespace smp::report
