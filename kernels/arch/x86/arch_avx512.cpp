// AVX-512 (F, CD, DQ, BW) instantiation of the kernel set: 32 zmm registers,
// so the GEMM takes a taller register tile (micro_kernel.hpp).
#include "kernels/arch/x86/avx512_intrinsics.hpp"  // first: before xsimd

#include "kernels/eltwise/eltwise_impl.hpp"
#include "kernels/gemm/gemm_impl.hpp"

namespace smp::kernels {
template struct ArchKernels<Avx512>;
}
