#pragma once
// One profile from the profiles of several processes (enhanced --processes,
// or the rounds of one side of ab): every scope's samples concatenated and
// tagged with the process they came from, so the gate can use the process as
// its unit. The first profile fixes the scope order and the machine facts.
#include <span>

#include "report/records/records.hpp"

namespace smp::report {

// std::invalid_argument when the profiles do not hold the same scopes.
ProfileRecord merge_processes(std::span<const ProfileRecord> profiles);

}  // namespace smp::report
