#pragma once
// The log change of each of ab's rounds, the values its paired test takes.
// In lock step the two sides' i-th repetitions of a case run in adjacent
// turns, milliseconds apart, while one side's repetitions of it are a whole
// suite apart. So each repetition is paired with the other side's of the same
// index, and a round's change is the median of those pairs' log ratios: the
// host's drift between repetitions then cancels as well as that between
// rounds. When the sides ran different numbers of repetitions there are no
// such pairs, and a round's change is the log ratio of the two medians.
#include <optional>
#include <vector>

#include "report/records/records.hpp"

namespace smp::report {

// One log change (current over previous) per process, processes matched by
// index; empty unless both scopes have the same number of processes and
// every time is positive and finite.
std::optional<std::vector<double>> round_log_changes(const ScopeRecord& previous, const ScopeRecord& current);

}  // namespace smp::report
