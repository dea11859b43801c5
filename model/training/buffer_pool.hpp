#pragma once
// A pool of temporary float buffers, the C++ counterpart of .NET's
// ArrayPool<float>.Shared: a rent is served by a buffer given back earlier
// when one of the right size class is held, and allocates otherwise.
//
// Switched off, the pool retains nothing: every rent is a fresh operator new
// of exactly the requested size and every return frees it, so a workload run
// both ways measures what pooling saves.
//
// Like ArrayPool, a rented buffer's contents are unspecified (it may hold a
// previous renter's values). Not thread-safe: one pool per thread.
#include <cstddef>
#include <span>
#include <vector>

#include "model/training/pool_counters.hpp"

namespace smp::model {

class BufferPool;

// A rented buffer; gives itself back to its pool when destroyed or released.
class PooledBuffer {
 public:
  PooledBuffer() = default;
  PooledBuffer(PooledBuffer&& other) noexcept;
  PooledBuffer& operator=(PooledBuffer&& other) noexcept;
  PooledBuffer(const PooledBuffer&) = delete;
  PooledBuffer& operator=(const PooledBuffer&) = delete;
  ~PooledBuffer() { release(); }

  float* data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }  // the count asked for
  std::span<float> span() const noexcept { return {data_, size_}; }
  bool empty() const noexcept { return size_ == 0; }

  // Gives the buffer back now; the handle becomes empty.
  void release() noexcept;

 private:
  friend class BufferPool;
  PooledBuffer(BufferPool* pool, float* data, std::size_t size, std::size_t capacity) noexcept
      : pool_(pool), data_(data), size_(size), capacity_(capacity) {}

  BufferPool* pool_ = nullptr;
  float* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;  // elements actually allocated (the size class when pooling)
};

class BufferPool {
 public:
  explicit BufferPool(bool enabled);
  ~BufferPool();  // frees the buffers it holds; every PooledBuffer must be gone by then
  BufferPool(const BufferPool&) = delete;
  BufferPool& operator=(const BufferPool&) = delete;

  // A buffer of at least `count` floats (size() == count). Throws
  // std::bad_alloc when memory runs out.
  PooledBuffer rent(std::size_t count);

  bool enabled() const noexcept { return enabled_; }
  const PoolCounters& counters() const noexcept { return counters_; }
  // Starts counting afresh (after a warm-up); held buffers stay held.
  void reset_counters() noexcept { counters_ = {}; }

 private:
  friend class PooledBuffer;
  void give_back(float* data, std::size_t capacity) noexcept;

  bool enabled_;
  // free_lists_[c] holds buffers of 2^c floats. Their vectors grow only while
  // the pool fills (the warm-up), so renting and returning in steady state
  // allocate nothing.
  std::vector<std::vector<float*>> free_lists_;
  PoolCounters counters_;
};

}  // namespace smp::model
