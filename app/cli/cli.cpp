#include "app/cli/cli.hpp"


#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/cli/commands/shared_options.hpp"

#include "report/common/exit_codes.hpp"
#include "app/cli/flag_forms.hpp"
#include "kernels/isa.hpp"
#include "report/measure/build_commit.hpp"
#include "report/records/records.hpp"

namespace smp::app {
namespace {

std::string version_text() {
  report::MachineInfo build;
  build.build_commit = report::build_commit().id;
  build.build_dirty = report::build_commit().dirty;
  return std::string("smallmind-prof ") + SMP_VERSION + " (" + SMP_BUILD_TYPE + " build, kernels: " +
         std::string(kernels::isa_name(kernels::active_isa())) + ", " + report::build_commit_text(build) + ")";
}

// --isa's choices: auto, then this platform's paths.
std::vector<std::string> isa_choices() {
  std::vector<std::string> choices = {"auto"};
  for (const kernels::IsaSpelling& spelling : kernels::kIsaSpellings) choices.emplace_back(spelling.cli_name);
  return choices;
}

template <class Choice>
using Choices = std::vector<std::pair<std::string, Choice>>;

const Choices<StdoutFormat> kFormats{
    {"console", StdoutFormat::console}, {"md", StdoutFormat::md}, {"json", StdoutFormat::json}, {"csv", StdoutFormat::csv}};
const Choices<ColourMode> kColourModes{
    {"auto", ColourMode::automatic}, {"always", ColourMode::always}, {"never", ColourMode::never}};

// An option taking one of `choices` by name, shown in the help as a|b|c=default.
template <class Choice>
void add_choice_option(CLI::App& app, const std::string& name, Choice& value, const Choices<Choice>& choices,
                       const std::string& help) {
  std::string names;
  std::string shown_default;
  for (const auto& [choice_name, choice] : choices) {
    names += (names.empty() ? "" : "|") + choice_name;
    if (choice == value) shown_default = choice_name;
  }
  app.add_option(name, value, help)
      ->transform(CLI::CheckedTransformer(choices, CLI::ignore_case).description(""))
      ->type_name(names)
      ->default_str(shown_default);
}

// CLI11 lists unexpected words last-first; they are listed as given.
std::string error_text(const CLI::App* failed, const CLI::Error& error) {
  if (dynamic_cast<const CLI::ExtrasError*>(&error) == nullptr) return error.what();
  std::string words;
  for (const std::string& word : failed->remaining(true)) words += (words.empty() ? "" : " ") + word;
  return "The following arguments were not expected: " + words;
}

// A repeatable option starts with no value, which CLI11 would show as "=[]".
void hide_empty_list_defaults(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    if (option->get_default_str() == "[]") option->default_str("");
  }
  for (CLI::App* command : app.get_subcommands([](CLI::App*) { return true; })) hide_empty_list_defaults(*command);
}

}  // namespace

Invocation parse_command_line(std::vector<std::string> arguments, std::ostream& out, std::ostream& err) {
  CLI::App app{"smallmind-prof: profiles an embedded GPT and its SIMD kernels, writes SmallMind-"
               "compatible markdown and versioned JSON reports, and gates regressions in CI.",
               "smallmind-prof"};
  app.footer("SmallMind's flag forms --enhanced, --alloc and --compare PREV CURR OUT are the same as the "
             "subcommands.\n" +
             exit_status_footer(CommandGates::some_commands));
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", version_text);
  // Every option's help shows its default; each command inherits this.
  app.option_defaults()->always_capture_default();
  bool verbose = false;
  bool quiet = false;
  Invocation invocation;
  app.add_flag("-v,--verbose", verbose,
               "Log debug detail to stderr: each case and process as it starts, each scope's gate decision");
  app.add_flag("-q,--quiet", quiet,
               "Log only warnings and errors, and print no results table (a comparison's verdict line and an "
               "explicit --format still print)");
  app.add_option("--isa", invocation.isa, "Kernel path: auto, " + kernels::isa_choices_text() + " (also SMALLMIND_ISA)")
      ->check(CLI::IsMember(isa_choices()));
  add_choice_option(app, "--format", invocation.output.format, kFormats,
                    "What stdout shows: console (a comparison's verdict line, then aligned results tables), md or "
                    "json (the command's main report), csv (its results table)");
  add_choice_option(app, "--color,--colour", invocation.output.colour, kColourModes,
                    "Colour verdicts in the table and levels in the log: auto (only on a terminal, and not when "
                    "NO_COLOR is set), always or never");
  app.failure_message([](const CLI::App* failed, const CLI::Error& error) {
    return std::string("smallmind-prof: ") + error_text(failed, error) + " (see --help)\n";
  });

  add_enhanced_command(app, invocation.command);
  add_alloc_command(app, invocation.command);
  add_compare_command(app, invocation.command);
  add_run_command(app, invocation.command);
  add_ab_command(app, invocation.command);
  hide_empty_list_defaults(app);

  arguments = rewrite_flag_forms(std::move(arguments));
  // The argc/argv form keeps the words in order, in CLI11's messages too.
  std::vector<const char*> argv{"smallmind-prof"};
  for (const std::string& argument : arguments) argv.push_back(argument.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error, out, err);
    invocation.finished = status == 0 ? kExitSuccess : kExitInvalid;
    return invocation;
  }
  if (!invocation.command) {
    err << "smallmind-prof: no command given: enhanced, alloc, compare, ab or run (see --help)\n";
    invocation.finished = kExitInvalid;
    return invocation;
  }
  invocation.verbosity = quiet ? Verbosity::quiet : verbose ? Verbosity::verbose : Verbosity::normal;
  invocation.output.quiet = quiet;
  return invocation;
}

}  // namespace smp::app
