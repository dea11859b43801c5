// AVX2 + FMA instantiation of the kernel set: the path for CPUs without AVX-512.
#include "kernels/eltwise/eltwise_impl.hpp"
#include "kernels/gemm/gemm_impl.hpp"

namespace smp::kernels {
template struct ArchKernels<Avx2Fma>;
}
