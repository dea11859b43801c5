#pragma once
// allocation-profile.txt, laid out like SmallMind's AllocationProfiler output.
#include <string>

#include "report/records/alloc_record.hpp"

namespace smp::report {

// SmallMind's headings and line order; its Runtime/OS/Processor Count lines
// become our environment lines. Newline-terminated.
std::string alloc_to_text(const AllocationRecord& record);

}  // namespace smp::report
