#include "kernels/packed_weight.hpp"

#include <stdexcept>

#include "kernels/arch/arch_kernels.hpp"

namespace smp::kernels {

std::size_t PackedWeight::storage_floats(int n, int k) {
  if (n < 0 || k < 0) throw std::invalid_argument("PackedWeight: negative size");
  return on_isa(active_isa(), [&](auto arch) { return ArchKernels<decltype(arch)>::packed_b_floats(k, n); });
}

PackedWeight::PackedWeight(const float* weight, int n, int k, float* storage, WeightResidency residency)
    : weight_(weight), panels_(storage), n_(n), k_(k), isa_(active_isa()), residency_(residency) {
  if (n < 0 || k < 0) throw std::invalid_argument("PackedWeight: negative size");
  on_isa(isa_, [&](auto arch) { ArchKernels<decltype(arch)>::pack_b_panels(storage, weight, k, n); });
}

}  // namespace smp::kernels
