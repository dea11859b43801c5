// smallmind-prof: CLI wiring, the single place errors become exit statuses.
#include <iostream>
#include <string>
#include <vector>

#include "app/cli/cli.hpp"
#include "report/common/exit_codes.hpp"
#include "app/cli/logging.hpp"
#include "kernels/isa.hpp"
#include "report/common/errors.hpp"

namespace {

using namespace smp;

int run(int argc, char** argv) {
  const app::Invocation invocation =
      app::parse_command_line(std::vector<std::string>(argv + 1, argv + argc), std::cout, std::cerr);
  if (invocation.finished) return *invocation.finished;
  app::configure_logging(invocation.verbosity);
  if (invocation.isa != "auto") kernels::force_isa(*kernels::parse_isa(invocation.isa));
  return invocation.command();
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
    return smp::kExitInternalError;
  }
  return smp::kExitInvalid;
}
