#pragma once
// The two CPU primitives outside SIMD the project uses: a hint inside a
// spin-wait, and a cheap counter at a fixed rate (the profiler's clock,
// converted to time in report/measure/tick_clock.hpp). Each platform's folder
// supplies them; x86-64 is the only platform so far (kernels/CMakeLists.txt
// stops the configure on any other).
#if defined(__x86_64__)
#include "kernels/arch/x86/cpu_primitives.hpp"
#else
#error "kernels/arch/ has CPU primitives for x86-64 only"
#endif
