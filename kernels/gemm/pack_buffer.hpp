#pragma once
// Per-thread scratch for packed GEMM panels. Grows only, so after the first
// call at a given size a GEMM allocates nothing.
#include <cstddef>

#include "kernels/aligned_floats.hpp"

// Anonymous namespace: ISA code must not leak across translation units (arch_kernels.hpp).
namespace smp::kernels {
namespace {

struct PackBuffers {
  float* a(std::size_t count) { return a_.ensure(count); }
  float* b(std::size_t count) { return b_.ensure(count); }

 private:
  GrowingFloats a_;
  GrowingFloats b_;
};

// One set per thread (and per arch TU, which the anonymous namespace gives).
PackBuffers& thread_pack_buffers() {
  thread_local PackBuffers buffers;
  return buffers;
}

}  // namespace
}  // namespace smp::kernels
