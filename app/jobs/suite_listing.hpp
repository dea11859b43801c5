#pragma once
// `enhanced --list` / `run --list`: the scopes the selected cases record, with
// the work of one kernel call, without measuring anything.
#include "app/jobs/command_output.hpp"
#include "app/workloads/suite.hpp"

namespace smp::app {

CommandOutput suite_listing(const SuitePlan& plan);

}  // namespace smp::app
