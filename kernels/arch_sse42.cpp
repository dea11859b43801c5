// SSE4.2 instantiation of the kernel set: the path for CPUs without AVX2.
#include "eltwise_impl.hpp"
#include "gemm_impl.hpp"

namespace smp::kernels {
template struct ArchKernels<Sse42>;
}
