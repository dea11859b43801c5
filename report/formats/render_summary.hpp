#pragma once
// Short forms of a comparison: the verdict line and a CI job summary.
#include <string>

#include "report/records/comparison_record.hpp"

namespace smp::report {

// One line, no newline: what CI logs show first.
std::string render_verdict_line(const ComparisonRecord& record);

// A short markdown block for a CI job summary: verdict, counts, worst offenders.
std::string render_job_summary(const ComparisonRecord& record);

}  // namespace smp::report
