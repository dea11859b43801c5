#pragma once
// A kernel case's input or output buffer, starting at the cache-line offset
// the layout seed draws for it (report/measure/memory_layout.hpp): across
// measuring processes the case's buffers then meet every relative placement,
// instead of the one a build's allocation order happens to give.
#include <cstddef>
#include <vector>

#include "report/measure/memory_layout.hpp"

namespace smp::app {

class PlacedFloats {
 public:
  explicit PlacedFloats(std::size_t count)
      : offset_(report::process_layout().buffer_offset_floats(count)), storage_(offset_ + count) {}

  float* data() { return storage_.data() + offset_; }

 private:
  std::size_t offset_;
  std::vector<float> storage_;
};

}  // namespace smp::app
