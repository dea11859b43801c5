#include "app/commands/command.hpp"

#include "report/errors.hpp"

namespace smp::app {

void add_compare_command(CLI::App& app, CommandRunner& selected) {
  CLI::App* command = app.add_subcommand("compare", "(not yet available)");
  command->callback([&selected] {
    selected = [] () -> int { throw UsageError("compare is not available in this build yet"); };
  });
}

}  // namespace smp::app
