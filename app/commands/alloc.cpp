#include "app/commands/command.hpp"

#include "report/errors.hpp"

namespace smp::app {

void add_alloc_command(CLI::App& app, CommandRunner& selected) {
  CLI::App* command = app.add_subcommand("alloc", "(not yet available)");
  command->callback([&selected] {
    selected = [] () -> int { throw UsageError("alloc is not available in this build yet"); };
  });
}

}  // namespace smp::app
