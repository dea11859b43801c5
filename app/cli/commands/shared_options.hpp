#pragma once
// Option groups more than one command accepts, declared once so `run` takes
// exactly the options (names, checks and help) of `enhanced` and `alloc`.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/jobs/alloc_job.hpp"
#include "app/jobs/enhanced_job.hpp"

namespace smp::app {

// For every option naming a file or directory: an empty value ('') is an
// error, never the same as leaving the option out.
extern const CLI::Validator kNonEmptyPath;

// Which exit statuses a command can give: enhanced and alloc never fail a
// gate, compare, ab and run do; the tool's own help speaks of all of them.
enum class CommandGates { none, some, some_commands };

// "Exit status: 0 …, 1 …, 2 …, 3 …" for a help footer, from exit_codes.hpp.
std::string exit_status_footer(CommandGates gates);

// The suite's options, all but --output-dir and --export.
void add_enhanced_options(CLI::App& command, EnhancedOptions& options);

// --export FORMAT[,FORMAT...], one of kExportFormats each.
void add_export_option(CLI::App& command, std::vector<std::string>& exports);

// The allocation workloads' options but --output-dir; the repetitions option
// is named by the caller (`run` already has a --repetitions for the suite).
void add_alloc_options(CLI::App& command, AllocOptions& options, const std::string& repetitions_option);

}  // namespace smp::app
