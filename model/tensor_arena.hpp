#pragma once
// Many named tensors carved from one allocation (llm.c style), with the table
// of names, shapes and offsets that describes the buffer. Table entries hold
// static text and inline shapes, so the table itself is one more allocation,
// not one per tensor.
#include <array>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/aligned_floats.hpp"

namespace smp::model {

struct TensorShape {
  static constexpr int kMaxRank = 4;
  TensorShape(std::initializer_list<int> extents);  // throws std::invalid_argument past kMaxRank
  std::span<const int> extents() const { return {dims.data(), static_cast<std::size_t>(rank)}; }
  std::size_t element_count() const;
  friend bool operator==(const TensorShape&, const TensorShape&) = default;

  std::array<int, kMaxRank> dims{};
  int rank = 0;
};

struct TensorInfo {
  std::string_view name;  // static text: "token_embedding", "qkv.weight"
  int layer = -1;         // transformer layer the tensor belongs to; -1 for model-wide
  TensorShape shape;
  std::size_t offset = 0;  // in floats from the start of the buffer
  std::size_t size = 0;    // shape.element_count()

  std::string full_name() const;  // "layer0.qkv.weight", or the name alone
};

class TensorArena {
 public:
  TensorArena() = default;
  // Assigns each tensor an offset (aligned to a cache line) and allocates the
  // zero-filled buffer once.
  explicit TensorArena(std::vector<TensorInfo> table);

  std::span<float> tensor(int index);
  std::span<const float> tensor(int index) const;
  // By full name; throws std::out_of_range for a name not in the table.
  std::span<const float> tensor(std::string_view full_name) const;

  const std::vector<TensorInfo>& table() const { return table_; }
  std::size_t element_count() const { return element_count_; }  // sum of sizes, no padding
  std::size_t bytes() const { return capacity_ * sizeof(float); }

 private:
  std::vector<TensorInfo> table_;
  kernels::AlignedFloats data_;
  std::size_t capacity_ = 0;
  std::size_t element_count_ = 0;
};

// Fills the spans of `views` from one TensorArena. `declare(views, bind)` must
// assign each span as `bind(name, shape)` or `bind(name, shape, layer)`,
// always in the same order: it runs to count the tensors (so the table is
// allocated once, at its final size), to record the table, and to hand out
// the storage, so that one function is the single list of tensors.
template <class Views, class Declare>
TensorArena carve_tensors(Views& views, Declare declare) {
  std::size_t count = 0;
  declare(views, [&count](std::string_view, TensorShape, int = -1) {
    ++count;
    return std::span<float>{};
  });
  std::vector<TensorInfo> table;
  table.reserve(count);
  declare(views, [&table](std::string_view name, TensorShape shape, int layer = -1) {
    table.push_back({name, layer, shape});
    return std::span<float>{};
  });
  TensorArena arena(std::move(table));
  int next = 0;
  declare(views, [&arena, &next](std::string_view, TensorShape, int = -1) { return arena.tensor(next++); });
  return arena;
}

}  // namespace smp::model
