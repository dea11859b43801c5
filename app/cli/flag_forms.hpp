#pragma once
// SmallMind's spelling of the commands (--enhanced, --alloc, --compare A B C)
// is accepted by rewriting it to the subcommand before parsing, so both
// spellings go through exactly the same parser.
#include <string>
#include <vector>

namespace smp::app {

std::vector<std::string> rewrite_flag_forms(std::vector<std::string> arguments);

}  // namespace smp::app
