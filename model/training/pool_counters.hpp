#pragma once
// What a BufferPool did, as plain data: the pool keeps these and the
// allocation record carries them, so the report needs no pool to render them.
#include <cstdint>

namespace smp::model {

struct PoolCounters {
  std::uint64_t rents = 0;
  std::uint64_t returns = 0;
  std::uint64_t hits = 0;              // rents served by a buffer the pool held
  std::uint64_t misses = 0;            // rents that had to allocate
  std::uint64_t bytes_from_pool = 0;   // bytes of the buffers handed out again
  std::uint64_t bytes_allocated = 0;   // bytes freshly allocated for misses
};

}  // namespace smp::model
