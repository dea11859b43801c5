#pragma once
// A Linear layer's weight B [n, k], as matmul_bt takes it, together with a
// copy in the order the blocked GEMM streams B, made once for the kernel path
// active at packing. A forward pass reads every weight on every call, and
// packing it per call cost the Medium model about a sixth of its generation
// time. On any other path (force_isa after packing) the copy is not used and B
// is packed per call as before; the result is the same bits either way.
// A view: the weight and the storage of the copy belong to the caller, must
// outlive it, and must not change once it is packed.
//
// Its owner also says where the copy will be read from: a model whose weights
// together outgrow a core's L2 (cache_size.hpp) streams each of them from L3
// on every call, and the GEMM then cuts its register tiles for that (gemm_impl.hpp).
#include <cstddef>

#include "kernels/isa.hpp"

namespace smp::kernels {

enum class WeightResidency {
  cached,    // read from L2: the owner's weights fit there together
  streamed,  // read from beyond L2 on every call
};

class PackedWeight {
 public:
  PackedWeight() = default;  // no weight: a matmul over it is a k = 0, n = 0 product

  // Floats of storage the copy of an [n, k] weight takes on the active path.
  static std::size_t storage_floats(int n, int k);
  // Packs weight [n, k] into storage (storage_floats(n, k) floats). Throws
  // std::invalid_argument for a negative size.
  PackedWeight(const float* weight, int n, int k, float* storage,
               WeightResidency residency = WeightResidency::cached);

  const float* weight() const { return weight_; }
  int rows() const { return n_; }  // n: output features
  int cols() const { return k_; }  // k: input features
  // The packed copy when `isa` is the path it was packed for, otherwise nullptr.
  const float* panels_for(Isa isa) const { return isa == isa_ ? panels_ : nullptr; }
  WeightResidency residency() const { return residency_; }

 private:
  const float* weight_ = nullptr;
  const float* panels_ = nullptr;
  int n_ = 0;
  int k_ = 0;
  Isa isa_ = kBaselineIsa;
  WeightResidency residency_ = WeightResidency::cached;
};

}  // namespace smp::kernels
