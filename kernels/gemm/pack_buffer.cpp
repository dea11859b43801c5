#include "kernels/gemm/pack_buffer.hpp"

#include <new>

namespace smp::kernels {

namespace {
constexpr std::align_val_t kPanelAlignment{64};
}

float* AlignedFloats::ensure(std::size_t count) {
  if (count > capacity_) {
    data_.reset(static_cast<float*>(::operator new[](count * sizeof(float), kPanelAlignment)));
    capacity_ = count;
  }
  return data_.get();
}

void AlignedFloats::Free::operator()(float* p) const noexcept { ::operator delete[](p, kPanelAlignment); }

PackBuffers& thread_pack_buffers() {
  thread_local PackBuffers buffers;
  return buffers;
}

}  // namespace smp::kernels
