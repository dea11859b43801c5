#pragma once
// Each command adds its subcommand to the CLI and, when selected, leaves the
// function that runs it (returning its status and what stdout may show) in `selected`.
#include <functional>

#include <CLI/CLI.hpp>

#include "app/jobs/command_output.hpp"

namespace smp::app {

using CommandRunner = std::function<CommandOutput()>;

void add_enhanced_command(CLI::App& app, CommandRunner& selected);
void add_alloc_command(CLI::App& app, CommandRunner& selected);
void add_compare_command(CLI::App& app, CommandRunner& selected);
void add_run_command(CLI::App& app, CommandRunner& selected);
void add_ab_command(CLI::App& app, CommandRunner& selected);

}  // namespace smp::app
