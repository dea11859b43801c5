# Cross-compiling for Linux on aarch64 with Debian's toolchain
# (g++-aarch64-linux-gnu) and the :arm64 -dev packages of multiarch
# (install-deps.sh --cross aarch64). Executables run under qemu-user, which
# CTest and catch_discover_tests call through CMAKE_CROSSCOMPILING_EMULATOR.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
# Multiarch: find_package looks in /usr/lib/aarch64-linux-gnu/cmake, and
# pkg-config in the arm64 .pc files only.
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig)
find_program(SMP_QEMU_AARCH64 qemu-aarch64-static REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR ${SMP_QEMU_AARCH64})
