#pragma once
// Per-thread, 64-byte-aligned scratch for packed GEMM panels. Grows only, so
// after the first call at a given size a GEMM allocates nothing.
#include <cstddef>
#include <memory>

namespace smp::kernels {

class AlignedFloats {
 public:
  float* ensure(std::size_t count);

 private:
  struct Free {
    void operator()(float* p) const noexcept;
  };
  std::unique_ptr<float[], Free> data_;
  std::size_t capacity_ = 0;
};

struct PackBuffers {
  float* a(std::size_t count) { return a_.ensure(count); }
  float* b(std::size_t count) { return b_.ensure(count); }

 private:
  AlignedFloats a_;
  AlignedFloats b_;
};

PackBuffers& thread_pack_buffers();

}  // namespace smp::kernels
