#include "kernels/aligned_floats.hpp"

#include <algorithm>
#include <limits>
#include <new>

namespace smp::kernels {

void AlignedFree::operator()(float* data) const noexcept {
  ::operator delete(data, std::align_val_t{kBufferAlignment});
}

AlignedFloats allocate_aligned_floats(std::size_t count) {
  if (count > std::numeric_limits<std::size_t>::max() / sizeof(float)) throw std::bad_alloc();
  const std::size_t bytes = std::max<std::size_t>(count, 1) * sizeof(float);
  return AlignedFloats(static_cast<float*>(::operator new(bytes, std::align_val_t{kBufferAlignment})));
}

float* GrowingFloats::ensure(std::size_t count) {
  if (count > capacity_) {
    data_ = allocate_aligned_floats(count);
    capacity_ = count;
  }
  return data_.get();
}

}  // namespace smp::kernels
