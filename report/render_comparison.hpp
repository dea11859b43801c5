#pragma once
// Writers over a ComparisonRecord. The markdown report starts with
// SmallMind's comparison, line for line, and appends our gate sections.
#include <string>

#include "comparison_record.hpp"

namespace smp::report {

// The full markdown comparison (OUT).
std::string render_comparison_markdown(const ComparisonRecord& record);

// SmallMind's sections only, as its comparator wrote them except for the
// documented differences (run stamps, the STABLE percentage, per-call GFLOPS).
std::string render_seed_sections(const SeedComparison& seed);

// Our sections: gate verdict and method, per-scope statistics, allocation
// changes, environment differences.
std::string render_gate_sections(const ComparisonRecord& record);

// One line, no newline: what CI logs show first.
std::string render_verdict_line(const ComparisonRecord& record);

// A short markdown block for a CI job summary: verdict, counts, worst offenders.
std::string render_job_summary(const ComparisonRecord& record);

}  // namespace smp::report
