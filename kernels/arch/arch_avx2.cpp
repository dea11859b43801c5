// AVX2 + FMA instantiation of the kernel set; the only TU built with -mavx2 -mfma.
#include "kernels/eltwise/eltwise_impl.hpp"
#include "kernels/gemm/gemm_impl.hpp"

namespace smp::kernels {
template struct ArchKernels<Avx2Fma>;
}
