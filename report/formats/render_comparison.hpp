#pragma once
// Writers over a ComparisonRecord. The markdown report starts with
// SmallMind's comparison, line for line, and appends our gate sections.
#include <string>

#include "report/records/comparison_record.hpp"

namespace smp::report {

// The full markdown comparison (OUT).
std::string render_comparison_markdown(const ComparisonRecord& record);

// SmallMind's sections only, as its comparator wrote them except for the
// documented differences (run stamps, the STABLE percentage, per-call GFLOPS).
std::string render_smallmind_sections(const SmallMindComparison& smallmind);

}  // namespace smp::report
