#pragma once
// enhanced's repetitions spread over processes: the options' processes run
// one after another as children of this executable (enhanced --processes 1,
// the same settings, no peak calibration), and their profiles merge into one
// whose samples are tagged with their process.
#include "app/jobs/enhanced_job.hpp"
#include "report/records/records.hpp"

namespace smp::app {

// `context` carries the parent's machine facts, settings and peaks; the
// children's measurements (models, overhead, wall time) are merged into it.
report::ProfileRecord measure_in_processes(const EnhancedOptions& options, const report::RunContext& context);

}  // namespace smp::app
