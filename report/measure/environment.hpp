#pragma once
// Probing the machine and build a measurement runs on: the context block every
// report carries, so a comparison can warn when two runs are not alike.
#include "report/records/records.hpp"

namespace smp::report {

// This machine's and build's facts with the caller's settings, stamped now;
// the measured figures (peaks, overhead, wall time, models) are the caller's to fill.
RunContext collect_context(const RunSettings& settings);

}  // namespace smp::report
