#pragma once
// Power, said before measuring: whether a design of `units` processes (or ab
// rounds) a side can reach significance under Holm across up to `scopes`
// scopes at `alpha`, and how many units would, logged as one line.
#include <cstddef>

#include "report/analysis/t_test.hpp"

namespace smp::app {

// Above this many standard errors a change is out of practical reach: the
// noise would have to be a small fraction of the change.
inline constexpr double kReachableT = 8.0;

void say_design_power(report::ReplicationDesign design, std::size_t units, std::size_t scopes, double alpha);

}  // namespace smp::app
