# The aarch64 kernel path. NEON is in AArch64's baseline, so its translation
# units need no flags of their own (the rest of the binary has NEON too).
set(SMP_ARCH_SOURCES arch/arm/isa_supported.cpp arch/arm/arch_neon.cpp arch/arm/peak_neon.cpp)
