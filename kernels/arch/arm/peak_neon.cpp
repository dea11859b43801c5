// NEON instantiation of the peak-calibration loops.
#include "kernels/arch/peak_loops_impl.hpp"

namespace smp::kernels {
template struct PeakLoops<Neon>;
}
