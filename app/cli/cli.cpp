#include "app/cli/cli.hpp"


#include <CLI/CLI.hpp>

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

// CLI11 lists unexpected words last-first; they are listed as given.
std::string error_text(const CLI::App* failed, const CLI::Error& error) {
  if (dynamic_cast<const CLI::ExtrasError*>(&error) == nullptr) return error.what();
  std::string words;
  for (const std::string& word : failed->remaining(true)) words += (words.empty() ? "" : " ") + word;
  return "The following arguments were not expected: " + words;
}

}  // namespace

Invocation parse_command_line(std::vector<std::string> arguments, std::ostream& out, std::ostream& err) {
  CLI::App app{"smallmind-prof: profiles an embedded GPT and its SIMD kernels, writes SmallMind-"
               "compatible markdown and versioned JSON reports, and gates regressions in CI.",
               "smallmind-prof"};
  app.footer(
      "SmallMind's flag forms --enhanced, --alloc and --compare PREV CURR OUT are the same as the "
      "subcommands.\nExit status: 0 success, 1 regression gate failed, 2 usage error or invalid input.");
  app.fallthrough();
  app.require_subcommand(0, 1);
  app.set_version_flag("--version", version_text);
  bool verbose = false;
  bool quiet = false;
  Invocation invocation;
  app.add_flag("-v,--verbose", verbose, "Log debug detail to stderr");
  app.add_flag("-q,--quiet", quiet, "Log only warnings and errors");
  app.add_option("--isa", invocation.isa, "Kernel path: auto, avx512, avx2 or sse4.2 (also SMALLMIND_ISA)")
      ->check(CLI::IsMember({"auto", "avx512", "avx2", "sse4.2"}));
  app.failure_message([](const CLI::App* failed, const CLI::Error& error) {
    return std::string("smallmind-prof: ") + error_text(failed, error) + " (see --help)\n";
  });

  add_enhanced_command(app, invocation.command);
  add_alloc_command(app, invocation.command);
  add_compare_command(app, invocation.command);
  add_run_command(app, invocation.command);
  add_ab_command(app, invocation.command);

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
    err << "smallmind-prof: no command given: enhanced, alloc, compare or run (see --help)\n";
    invocation.finished = kExitInvalid;
    return invocation;
  }
  invocation.verbosity = quiet ? Verbosity::quiet : verbose ? Verbosity::verbose : Verbosity::normal;
  return invocation;
}

}  // namespace smp::app
