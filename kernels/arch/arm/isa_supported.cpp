// Which of the aarch64 paths this CPU can run: NEON is part of every AArch64
// CPU (Advanced SIMD is mandatory in the architecture).
#include "kernels/isa.hpp"

namespace smp::kernels {

bool isa_supported(Isa isa) { return isa == Isa::neon; }

}  // namespace smp::kernels
