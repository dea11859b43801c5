#pragma once
// The xsimd architecture behind each kernel path of this platform, and the
// one dispatch helper: on_isa(isa, call) calls call(Arch{}) with the tag of
// that path. Code seen here only names per-arch entry points; their bodies
// are compiled in the platform's arch/<platform>/*.cpp files, each with its
// own ISA flags.
#if defined(__x86_64__)
#include "kernels/arch/x86/archs.hpp"
#elif defined(__aarch64__)
#include "kernels/arch/arm/archs.hpp"
#else
#error "smallmind-prof has kernel paths for x86-64 and aarch64 only"
#endif
