// Replaces every form of the global operator new/delete so that allocation
// counts are exact. Linked into executables as an object file, so the
// replacement is always the one in effect.
#include <malloc.h>

#include <cstddef>
#include <cstdlib>
#include <new>

#include "report/measure/alloc_counters.hpp"

namespace {

// Plain-data thread_local: no constructor, so it is safe to touch from inside
// operator new at any point of a thread's life.
thread_local smp::report::AllocCounters t_counters;

void note_allocation(void* pointer, std::size_t requested) noexcept {
  t_counters.bytes += requested;
  t_counters.allocations += 1;
  t_counters.live_bytes += static_cast<std::int64_t>(malloc_usable_size(pointer));
  if (t_counters.live_bytes > t_counters.peak_live_bytes) t_counters.peak_live_bytes = t_counters.live_bytes;
}

void note_free(void* pointer) noexcept {
  t_counters.frees += 1;
  t_counters.live_bytes -= static_cast<std::int64_t>(malloc_usable_size(pointer));
}

void* allocate(std::size_t size, std::size_t alignment) noexcept {
  if (size == 0) size = 1;
  for (;;) {
    void* pointer = nullptr;
    if (alignment <= alignof(std::max_align_t)) {
      pointer = std::malloc(size);
    } else if (posix_memalign(&pointer, alignment, size) != 0) {
      pointer = nullptr;
    }
    if (pointer != nullptr) {
      note_allocation(pointer, size);
      return pointer;
    }
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) return nullptr;
    handler();
  }
}

void* allocate_or_throw(std::size_t size, std::size_t alignment) {
  void* pointer = allocate(size, alignment);
  if (pointer == nullptr) throw std::bad_alloc();
  return pointer;
}

void release(void* pointer) noexcept {
  if (pointer == nullptr) return;
  note_free(pointer);
  std::free(pointer);
}

constexpr std::size_t kDefault = alignof(std::max_align_t);
std::size_t to_size(std::align_val_t alignment) { return static_cast<std::size_t>(alignment); }

}  // namespace

namespace smp::report {

AllocCounters alloc_counters() noexcept { return t_counters; }
void reset_peak_live_bytes() noexcept { t_counters.peak_live_bytes = t_counters.live_bytes; }

}  // namespace smp::report

void* operator new(std::size_t size) { return allocate_or_throw(size, kDefault); }
void* operator new[](std::size_t size) { return allocate_or_throw(size, kDefault); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return allocate(size, kDefault); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return allocate(size, kDefault); }
void* operator new(std::size_t size, std::align_val_t alignment) { return allocate_or_throw(size, to_size(alignment)); }
void* operator new[](std::size_t size, std::align_val_t alignment) { return allocate_or_throw(size, to_size(alignment)); }
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate(size, to_size(alignment));
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return allocate(size, to_size(alignment));
}

void operator delete(void* pointer) noexcept { release(pointer); }
void operator delete[](void* pointer) noexcept { release(pointer); }
void operator delete(void* pointer, std::size_t) noexcept { release(pointer); }
void operator delete[](void* pointer, std::size_t) noexcept { release(pointer); }
void operator delete(void* pointer, const std::nothrow_t&) noexcept { release(pointer); }
void operator delete[](void* pointer, const std::nothrow_t&) noexcept { release(pointer); }
void operator delete(void* pointer, std::align_val_t) noexcept { release(pointer); }
void operator delete[](void* pointer, std::align_val_t) noexcept { release(pointer); }
void operator delete(void* pointer, std::size_t, std::align_val_t) noexcept { release(pointer); }
void operator delete[](void* pointer, std::size_t, std::align_val_t) noexcept { release(pointer); }
void operator delete(void* pointer, std::align_val_t, const std::nothrow_t&) noexcept { release(pointer); }
void operator delete[](void* pointer, std::align_val_t, const std::nothrow_t&) noexcept { release(pointer); }
