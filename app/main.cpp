// smallmind-prof: CLI wiring, the single place errors become exit statuses.
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "app/commands/command.hpp"
#include "app/exit_codes.hpp"
#include "app/flag_forms.hpp"
#include "app/logging.hpp"
#include "kernels/isa.hpp"
#include "report/errors.hpp"

namespace {

using namespace smp;

std::string version_text() {
  return std::string("smallmind-prof ") + SMP_VERSION + " (" + SMP_BUILD_TYPE + " build, kernels: " +
         std::string(kernels::isa_name(kernels::active_isa())) + ")";
}

int run(int argc, char** argv) {
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
  std::string isa = "auto";
  app.add_flag("-v,--verbose", verbose, "Log debug detail to stderr");
  app.add_flag("-q,--quiet", quiet, "Log only warnings and errors");
  app.add_option("--isa", isa, "Kernel path: auto, avx2 or sse4.2 (also SMALLMIND_ISA)")
      ->check(CLI::IsMember({"auto", "avx2", "sse4.2"}));
  app.failure_message([](const CLI::App*, const CLI::Error& error) {
    return std::string("smallmind-prof: ") + error.what() + " (see --help)\n";
  });

  app::CommandRunner selected;
  app::add_enhanced_command(app, selected);
  app::add_alloc_command(app, selected);
  app::add_compare_command(app, selected);

  std::vector<std::string> arguments(argv + 1, argv + argc);
  arguments = app::rewrite_flag_forms(std::move(arguments));
  std::reverse(arguments.begin(), arguments.end());  // CLI11 takes them last-first
  try {
    app.parse(arguments);
  } catch (const CLI::ParseError& error) {
    const int status = app.exit(error);
    return status == 0 ? app::kExitSuccess : app::kExitInvalid;
  }

  app::configure_logging(quiet ? app::Verbosity::quiet
                               : verbose ? app::Verbosity::verbose : app::Verbosity::normal);
  if (isa != "auto") kernels::force_isa(*kernels::parse_isa(isa));
  if (!selected) {
    std::cout << app.help();
    return app::kExitInvalid;
  }
  return selected();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const smp::InputError& error) {
    std::cerr << "smallmind-prof: " << error.what() << '\n';
  } catch (const smp::UsageError& error) {
    std::cerr << "smallmind-prof: " << error.what() << '\n';
  } catch (const std::invalid_argument& error) {
    std::cerr << "smallmind-prof: " << error.what() << '\n';
  } catch (const std::exception& error) {
    std::cerr << "smallmind-prof: internal error: " << error.what() << '\n';
    return 3;
  }
  return smp::app::kExitInvalid;
}
