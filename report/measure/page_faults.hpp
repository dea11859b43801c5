#pragma once
// Page faults taken by the calling thread so far (getrusage, RUSAGE_THREAD).
// C++ has no garbage collector, so there are no Gen0/Gen1/Gen2 collections to
// count; a page fault is what fresh heap memory costs instead: minor when the
// kernel maps a zeroed page, major when it has to read from disk.
#include <cstdint>

namespace smp::report {

struct PageFaults {
  std::int64_t minor = 0;
  std::int64_t major = 0;
};

PageFaults thread_page_faults() noexcept;

}  // namespace smp::report
