// AVX-512 instantiation of the peak-calibration loops.
#include "kernels/arch/x86/avx512_intrinsics.hpp"  // first: before xsimd

#include "kernels/arch/peak_loops_impl.hpp"

namespace smp::kernels {
template struct PeakLoops<Avx512>;
}
