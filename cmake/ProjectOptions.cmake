# Warnings and build facts live on INTERFACE targets, never on global flags.
add_library(smp_warnings INTERFACE)
target_compile_options(smp_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                              -Wno-sign-conversion)
# GCC 12 at -O3 reports impossible std::string copies (GCC bug 105329) in
# libstdc++'s own headers whenever a literal is prepended to a string.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(smp_warnings INTERFACE -Wno-restrict)
endif()

option(SMALLMIND_WERROR "Treat compiler warnings as errors (CI's sanitizer build)" OFF)
if(SMALLMIND_WERROR)
  target_compile_options(smp_warnings INTERFACE -Werror)
endif()

# ccache, when installed, makes a rebuild of unchanged sources a lookup. Paths
# are hashed relative to the source tree, so another checkout of the project
# (CI builds the parent commit beside this one) reuses this build's objects.
option(SMALLMIND_CCACHE "Compile through ccache when it is installed" ON)
find_program(SMP_CCACHE_PROGRAM ccache)
if(SMALLMIND_CCACHE AND SMP_CCACHE_PROGRAM AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CMAKE_COMMAND} -E env CCACHE_BASEDIR=${CMAKE_SOURCE_DIR} ${SMP_CCACHE_PROGRAM})
endif()

option(SMALLMIND_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(SMALLMIND_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  # GCC's instrumentation makes -Wmaybe-uninitialized misfire in libstdc++'s
  # <regex> (dozens of false reports per build); the Release build keeps it.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
endif()

# Fuzzing instruments every library the fuzz targets link, and runs them under
# ASan and UBSan so that a memory error or undefined behaviour is a crash.
option(SMALLMIND_FUZZ "Build the libFuzzer targets in tests/fuzz (clang only)" OFF)
if(SMALLMIND_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "SMALLMIND_FUZZ needs clang (libFuzzer): configure with --preset fuzz")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# Build facts that reports print in their environment block.
add_library(smp_build_info INTERFACE)
string(TOUPPER "${CMAKE_BUILD_TYPE}" _smp_build_upper)
string(STRIP "${CMAKE_CXX_FLAGS} ${CMAKE_CXX_FLAGS_${_smp_build_upper}}" _smp_flags_text)
target_compile_definitions(smp_build_info INTERFACE
  SMP_VERSION="${PROJECT_VERSION}"
  SMP_BUILD_TYPE="${CMAKE_BUILD_TYPE}"
  SMP_COMPILER="${CMAKE_CXX_COMPILER_ID} ${CMAKE_CXX_COMPILER_VERSION}"
  SMP_CXX_FLAGS="${_smp_flags_text}")
