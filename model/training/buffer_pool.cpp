#include "model/training/buffer_pool.hpp"

#include <bit>
#include <limits>
#include <new>
#include <utility>

#include "kernels/aligned_floats.hpp"

namespace smp::model {
namespace {

// One size class per power of two a std::size_t element count can reach.
constexpr std::size_t kSizeClasses = std::numeric_limits<std::size_t>::digits;

// Buffers are cache-line aligned as the kernels' own are; the free lists hold
// them as plain pointers, so ownership is taken out of the handle and back.
float* allocate_floats(std::size_t count) { return kernels::allocate_aligned_floats(count).release(); }

void free_floats(float* data) noexcept { kernels::AlignedFree{}(data); }

std::uint64_t bytes_of(std::size_t count) { return static_cast<std::uint64_t>(count) * sizeof(float); }

}  // namespace

PooledBuffer::PooledBuffer(PooledBuffer&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)),
      data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)),
      capacity_(std::exchange(other.capacity_, 0)) {}

PooledBuffer& PooledBuffer::operator=(PooledBuffer&& other) noexcept {
  if (this != &other) {
    release();
    pool_ = std::exchange(other.pool_, nullptr);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
  }
  return *this;
}

void PooledBuffer::release() noexcept {
  if (pool_ == nullptr) return;
  pool_->give_back(data_, capacity_);
  pool_ = nullptr;
  data_ = nullptr;
  size_ = 0;
  capacity_ = 0;
}

BufferPool::BufferPool(bool enabled) : enabled_(enabled), free_lists_(enabled ? kSizeClasses : 0) {}

BufferPool::~BufferPool() {
  for (std::vector<float*>& list : free_lists_) {
    for (float* data : list) free_floats(data);
  }
}

PooledBuffer BufferPool::rent(std::size_t count) {
  counters_.rents += 1;
  if (count == 0) {  // nothing to allocate: served trivially, as ArrayPool serves Rent(0)
    counters_.hits += 1;
    return PooledBuffer(this, nullptr, 0, 0);
  }
  if (!enabled_) {
    float* data = allocate_floats(count);
    counters_.misses += 1;
    counters_.bytes_allocated += bytes_of(count);
    return PooledBuffer(this, data, count, count);
  }
  const std::size_t size_class = static_cast<std::size_t>(std::bit_width(count - 1));
  if (size_class >= kSizeClasses) throw std::bad_alloc();
  const std::size_t capacity = std::size_t{1} << size_class;
  std::vector<float*>& list = free_lists_[size_class];
  if (!list.empty()) {
    float* data = list.back();
    list.pop_back();
    counters_.hits += 1;
    counters_.bytes_from_pool += bytes_of(capacity);
    return PooledBuffer(this, data, count, capacity);
  }
  float* data = allocate_floats(capacity);
  counters_.misses += 1;
  counters_.bytes_allocated += bytes_of(capacity);
  return PooledBuffer(this, data, count, capacity);
}

void BufferPool::give_back(float* data, std::size_t capacity) noexcept {
  counters_.returns += 1;
  if (data == nullptr) return;
  if (!enabled_) {
    free_floats(data);
    return;
  }
  std::vector<float*>& list = free_lists_[static_cast<std::size_t>(std::countr_zero(capacity))];
  try {
    list.push_back(data);
  } catch (const std::bad_alloc&) {
    free_floats(data);  // cannot remember it: drop it, as ArrayPool drops arrays it cannot keep
  }
}

}  // namespace smp::model
