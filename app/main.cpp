// smallmind-prof: CLI wiring, the single place errors become exit statuses.
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/cli.hpp"
#include "report/common/exit_codes.hpp"
#include "app/cli/logging.hpp"
#include "app/cli/results_stdout.hpp"
#include "kernels/isa.hpp"
#include "report/common/errors.hpp"
#include "report/common/text_escape.hpp"

namespace {

using namespace smp;

int run(int argc, char** argv) {
  const app::Invocation invocation =
      app::parse_command_line(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
  if (invocation.finished) return *invocation.finished;
  app::configure_logging(invocation.verbosity, invocation.output.colour);
  if (invocation.isa != "auto") kernels::force_isa(*kernels::parse_isa(invocation.isa));
  return app::show_results(invocation.command(), invocation.output, std::cout, std::cerr);
}

// Escaped: a path or scope name in the message must keep it one line with
// no terminal escape sequence in it.
void print_error(const std::string& message) {
  std::cerr << "smallmind-prof: " << report::escaped_for_terminal(message) << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const smp::InputError& error) {
    print_error(error.what());
  } catch (const smp::UsageError& error) {
    print_error(error.what());
  } catch (const std::invalid_argument& error) {
    print_error(error.what());
  } catch (const std::exception& error) {
    print_error(std::string("internal error: ") + error.what());
    return smp::kExitInternalError;
  }
  return smp::kExitInvalid;
}
