#include "app/cli/flag_forms.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace smp::app {

std::vector<std::string> rewrite_flag_forms(std::vector<std::string> arguments) {
  constexpr std::array<std::string_view, 3> kCommands{"enhanced", "alloc", "compare"};
  for (std::string& argument : arguments) {
    if (argument == "--") break;
    if (!argument.starts_with("--")) continue;
    const std::string_view name = std::string_view(argument).substr(2);
    if (std::find(kCommands.begin(), kCommands.end(), name) != kCommands.end()) {
      argument = std::string(name);
      break;  // only the first command flag selects the command
    }
  }
  return arguments;
}

}  // namespace smp::app
