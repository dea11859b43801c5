#pragma once
// The size of one core's L2 cache, as the OS reports it: whether a set of
// weights read on every call stays in L2 or streams from beyond it decides
// how the GEMM cuts its register tiles (packed_weight.hpp), and on AVX-512
// it sets how many columns of B a block packs (gemm_impl.hpp, BlockOrder).
#include <cstddef>

namespace smp::kernels {

// One core's L2 in bytes; 1 MiB where the OS does not say (as on many
// aarch64 kernels), the L2 of most current x86-64 and Neoverse cores.
std::size_t core_l2_bytes();

}  // namespace smp::kernels
