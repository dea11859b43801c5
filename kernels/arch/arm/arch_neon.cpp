// NEON instantiation of the kernel set: 4-lane registers, 32 of them, so the
// GEMM takes a taller register tile (micro_kernel.hpp).
#include "kernels/eltwise/eltwise_impl.hpp"
#include "kernels/gemm/gemm_impl.hpp"

namespace smp::kernels {
template struct ArchKernels<Neon>;
}
