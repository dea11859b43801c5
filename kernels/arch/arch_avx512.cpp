// AVX-512 (F, CD, DQ, BW) instantiation of the kernel set: 32 zmm registers,
// so the GEMM takes a taller register tile (micro_kernel.hpp).
// GCC 12's AVX-512 intrinsics initialise their "undefined" vectors from
// themselves, which -Wuninitialized reports wherever they inline (GCC bug
// 105593, fixed in GCC 13); these pragmas silence it for that header only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop

#include "kernels/eltwise/eltwise_impl.hpp"
#include "kernels/gemm/gemm_impl.hpp"

namespace smp::kernels {
template struct ArchKernels<Avx512>;
}
