#include "model/tensor_arena.hpp"

#include <algorithm>
#include <stdexcept>

namespace smp::model {
namespace {

// Every tensor starts on its own cache line, so SIMD rows never straddle a
// neighbour's data and tensors do not share lines.
constexpr std::size_t kAlignmentFloats = kernels::kBufferAlignment / sizeof(float);

std::size_t round_up(std::size_t value) { return (value + kAlignmentFloats - 1) / kAlignmentFloats * kAlignmentFloats; }

}  // namespace

TensorShape::TensorShape(std::initializer_list<int> extents) : rank(static_cast<int>(extents.size())) {
  if (extents.size() > dims.size()) throw std::invalid_argument("tensor rank above 4");
  std::copy(extents.begin(), extents.end(), dims.begin());
}

std::size_t TensorShape::element_count() const {
  std::size_t count = 1;
  for (int extent : extents()) count *= static_cast<std::size_t>(extent);
  return count;
}

std::string TensorInfo::full_name() const {
  if (layer < 0) return std::string(name);
  std::string full = "layer";
  full += std::to_string(layer);
  full += '.';
  full += name;
  return full;
}

TensorArena::TensorArena(std::vector<TensorInfo> table) : table_(std::move(table)) {
  for (TensorInfo& info : table_) {
    info.size = info.shape.element_count();
    info.offset = capacity_;
    capacity_ = round_up(capacity_ + info.size);
    element_count_ += info.size;
  }
  data_ = kernels::allocate_aligned_floats(capacity_);
  std::fill_n(data_.get(), capacity_, 0.0f);
}

std::span<float> TensorArena::tensor(int index) {
  const TensorInfo& info = table_.at(static_cast<std::size_t>(index));
  return {data_.get() + info.offset, info.size};
}

std::span<const float> TensorArena::tensor(int index) const {
  const TensorInfo& info = table_.at(static_cast<std::size_t>(index));
  return {data_.get() + info.offset, info.size};
}

std::span<const float> TensorArena::tensor(std::string_view full_name) const {
  const auto found = std::find_if(table_.begin(), table_.end(),
                                  [full_name](const TensorInfo& info) { return info.full_name() == full_name; });
  if (found == table_.end()) throw std::out_of_range("no tensor named '" + std::string(full_name) + "'");
  return tensor(static_cast<int>(found - table_.begin()));
}

}  // namespace smp::model
