#pragma once
// A kernel case's input or output buffer, zero-filled, starting at the
// cache-line offset the layout seed draws for it (report/measure/
// memory_layout.hpp): across measuring processes the case's buffers then meet
// every relative placement, instead of the one a build's allocation order
// happens to give. The storage itself is aligned to a cache line, whatever
// the heap held before: on the heap's own 16-byte alignment, one allocation
// more before the buffers (the 23-byte scope name of an --inject-slowdown)
// moved every buffer within its cache line, and BroadcastAdd_100x100 ran 6 %
// slower (2-core AMD EPYC VM; with aligned storage, no change).
#include <algorithm>
#include <cstddef>

#include "kernels/aligned_floats.hpp"
#include "report/measure/memory_layout.hpp"

namespace smp::app {

class PlacedFloats {
 public:
  explicit PlacedFloats(std::size_t count)
      : offset_(report::process_layout().buffer_offset_floats(count)),
        storage_(kernels::allocate_aligned_floats(offset_ + count)) {
    std::fill_n(storage_.get(), offset_ + count, 0.0f);
  }

  float* data() { return storage_.get() + offset_; }

 private:
  std::size_t offset_;
  kernels::AlignedFloats storage_;
};

}  // namespace smp::app
