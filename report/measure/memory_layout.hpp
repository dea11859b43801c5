#pragma once
// Where a measurement's memory lies, made a controlled variable.
//
// glibc adapts its allocator to the program's history: after a large block is
// freed, blocks of that size stop coming from mmap and come from the heap,
// which is then kept (no page faults) or trimmed (every page faulted again)
// depending on what lies around it. Model creation took 4.3 ms or 7.3 ms,
// the same every time, by nothing more than the length of a path on the
// command line. And where buffers fall relative to each other (4 KiB
// aliasing) moves a microsecond-scale kernel by several percent, the same way
// in every process of one build. A parent that runs measuring processes gives
// each a different layout seed, so those effects become noise that processes
// average out instead of a bias one build carries.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>

namespace smp::report {

// The environment variable carrying a child's layout seed (a decimal integer).
inline constexpr const char* kLayoutSeedVariable = "SMALLMIND_PROF_LAYOUT_SEED";

// The placements one layout seed draws; all zero without a seed.
class LayoutDraws {
 public:
  explicit LayoutDraws(std::optional<std::uint64_t> seed);

  // Bytes of heap to hold before what is measured: 0 to 4032 in steps of 64.
  std::size_t heap_padding_bytes();

  // The offset, in floats, at which the next measured buffer of `count`
  // floats should start: 0 to 1008 in steps of 16 (one cache line) for a
  // buffer the heap places; always 0 for a buffer large enough to be mapped
  // on its own, whose place in its pages is the same for every build (a
  // random offset there only adds noise: GELU over 10^6 floats went from a
  // 3 % to a 22 % detectable change).
  std::size_t buffer_offset_floats(std::size_t count);

 private:
  std::size_t next_cache_line();
  std::optional<std::mt19937_64> random_;
};

// This process's draws, from kLayoutSeedVariable (none when it is absent or
// not a number).
LayoutDraws& process_layout();

// Fixes the allocator's thresholds (every large block is mapped fresh, so its
// page faults are part of its cost every time) and holds this process's heap
// padding, so that the heap addresses of what follows move by that much.
// Call before allocating what is to be measured; later calls do nothing more.
void steady_heap_layout();

}  // namespace smp::report
