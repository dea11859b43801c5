// SSE4.2 instantiation of the kernel set: the path for CPUs without AVX2.
#include "kernels/eltwise/eltwise_impl.hpp"
#include "kernels/gemm/gemm_impl.hpp"

namespace smp::kernels {
template struct ArchKernels<Sse42>;
}
