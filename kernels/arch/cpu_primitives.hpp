#pragma once
// The two CPU primitives outside SIMD the project uses: a hint inside a
// spin-wait, and a cheap counter at a fixed rate (the profiler's clock,
// converted to time in report/measure/tick_clock.hpp). Each platform's folder
// supplies them.
#if defined(__x86_64__)
#include "kernels/arch/x86/cpu_primitives.hpp"
#elif defined(__aarch64__)
#include "kernels/arch/arm/cpu_primitives.hpp"
#else
#error "smallmind-prof has CPU primitives for x86-64 and aarch64 only"
#endif
