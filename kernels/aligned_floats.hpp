#pragma once
// The one helper for 64-byte aligned float storage: a cache line, and the
// width of a zmm register, so rows that start a buffer never straddle a line
// and SIMD loads from its start are aligned on every path. Buffers that span
// whole huge pages ask for them (aligned_floats.cpp).
#include <cstddef>
#include <memory>

namespace smp::kernels {

inline constexpr std::size_t kBufferAlignment = 64;

// The transparent huge page: x86-64's, and AArch64's on 4 KiB base pages.
inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

struct AlignedFree {
  void operator()(float* data) const noexcept;
};
using AlignedFloats = std::unique_ptr<float[], AlignedFree>;

// `count` uninitialised floats (a valid pointer even for 0). Throws
// std::bad_alloc when memory runs out or the byte count overflows.
AlignedFloats allocate_aligned_floats(std::size_t count);

// Grow-only scratch: after the first call at a given size, ensure() allocates nothing.
class GrowingFloats {
 public:
  float* ensure(std::size_t count);

 private:
  AlignedFloats data_;
  std::size_t capacity_ = 0;
};

}  // namespace smp::kernels
