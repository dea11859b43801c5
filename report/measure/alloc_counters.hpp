#pragma once
// Heap allocation counters fed by the replaced global operator new/delete
// (alloc_hook.cpp). Counters are per thread, so a scope reads its own thread's
// traffic without locks; every form of new/delete (array, aligned, nothrow,
// sized) is counted, including the standard library's own allocations.
#include <cstdint>

namespace smp::report {

struct AllocCounters {
  std::uint64_t bytes = 0;        // bytes requested by allocations
  std::uint64_t allocations = 0;  // calls to any operator new
  std::uint64_t frees = 0;        // calls to any operator delete with a non-null pointer
  std::int64_t live_bytes = 0;    // usable bytes currently held (can go negative when
                                  // this thread frees memory another thread allocated)
  std::int64_t peak_live_bytes = 0;
};

// This thread's counters; a snapshot is a plain copy.
AllocCounters alloc_counters() noexcept;
// Restarts peak tracking from the current live size (start of a measured loop).
void reset_peak_live_bytes() noexcept;

}  // namespace smp::report
