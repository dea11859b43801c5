// AVX-512 instantiation of the peak-calibration loops.
// GCC 12's AVX-512 intrinsics initialise their "undefined" vectors from
// themselves, which -Wuninitialized reports wherever they inline (GCC bug
// 105593, fixed in GCC 13); these pragmas silence it for that header only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop

#include "kernels/arch/peak_loops_impl.hpp"

namespace smp::kernels {
template struct PeakLoops<Avx512>;
}
