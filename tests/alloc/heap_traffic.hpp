#pragma once
// Counts the heap traffic of a piece of work on this thread, through the
// replaced operator new/delete (the test executable links smallmind_alloc_hook).
#include <cstdint>

#include "report/measure/alloc_counters.hpp"

namespace smp::test {

struct HeapTraffic {
  std::uint64_t bytes = 0;
  std::uint64_t allocations = 0;
  std::uint64_t frees = 0;
};

template <class Work>
HeapTraffic heap_traffic(Work&& work) {
  const report::AllocCounters before = report::alloc_counters();
  work();
  const report::AllocCounters after = report::alloc_counters();
  return {after.bytes - before.bytes, after.allocations - before.allocations, after.frees - before.frees};
}

}  // namespace smp::test
