#pragma once
// A list of scope names as one line of text: the first few, then how many
// more, "A, B, C, D, E and 2 more", so no message grows with the report.
#include <string>
#include <vector>

namespace smp::report {

// How many names a line gives before "and N more".
inline constexpr std::size_t kNamesShown = 5;

std::string name_list(const std::vector<std::string>& names);

}  // namespace smp::report
