#pragma once
// Console logging: spdlog to stderr, so stdout stays free for data asked for.
#include "app/cli/results_stdout.hpp"

namespace smp::app {

enum class Verbosity { quiet, normal, verbose };
// Levels coloured as --color says, judged on stderr (auto: a terminal, no NO_COLOR).
void configure_logging(Verbosity verbosity, ColourMode colour);

}  // namespace smp::app
