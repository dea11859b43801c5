# The x86-64 kernel paths: their translation units, each built with its own ISA
# flags. The rest of the binary stays at the x86-64 baseline, so it runs on any
# SSE4.2 machine. xsimd's avx512bw arch builds on its F, CD and DQ kernels, so
# all four are enabled.
set(SMP_ARCH_SOURCES
  arch/x86/isa_supported.cpp
  arch/x86/arch_avx512.cpp arch/x86/arch_avx2.cpp arch/x86/arch_sse42.cpp
  arch/x86/peak_avx512.cpp arch/x86/peak_avx2.cpp arch/x86/peak_sse42.cpp)
set_source_files_properties(arch/x86/arch_avx512.cpp arch/x86/peak_avx512.cpp PROPERTIES
  COMPILE_OPTIONS "-mavx512f;-mavx512cd;-mavx512dq;-mavx512bw;-mfma")
set_source_files_properties(arch/x86/arch_avx2.cpp arch/x86/peak_avx2.cpp PROPERTIES COMPILE_OPTIONS "-mavx2;-mfma")
set_source_files_properties(arch/x86/arch_sse42.cpp arch/x86/peak_sse42.cpp PROPERTIES COMPILE_OPTIONS "-msse4.2")
