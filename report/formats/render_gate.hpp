#pragma once
// The markdown sections of our regression gate, after SmallMind's.
#include <string>

#include "report/records/comparison_record.hpp"

namespace smp::report {

// Our sections: gate verdict and method, per-scope statistics, allocation
// changes, environment differences.
std::string render_gate_sections(const ComparisonRecord& record);


}  // namespace smp::report
