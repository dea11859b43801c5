#!/usr/bin/env bash
# platform_confined.sh finds each kind of platform-only line it looks for,
# names its file, and leaves each platform's own folder alone.
set -euo pipefail
check=$(dirname "$0")/platform_confined.sh
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/kernels/arch/x86" "$tree/kernels/arch/arm" "$tree/report"
printf '#include <immintrin.h>\n' >"$tree/report/header.hpp"
printf 'void f() { _mm_pause(); }\n' >"$tree/report/intrinsic.cpp"
printf 'unsigned long t() { return __rdtsc(); }\n' >"$tree/report/counter.cpp"
printf 'bool b() { return __builtin_cpu_supports("avx2"); }\n' >"$tree/report/builtin.cpp"
printf 'set_source_files_properties(a.cpp PROPERTIES COMPILE_OPTIONS "-mavx2")\n' >"$tree/report/CMakeLists.txt"
printf '#include <arm_neon.h>\n' >"$tree/report/neon_header.hpp"
printf 'float32x4_t f(const float* p) { return vld1q_f32(p); }\n' >"$tree/report/neon_intrinsic.cpp"
printf 'asm volatile("mrs %%0, cntvct_el0" : "=r"(t));\n' >"$tree/report/arm_counter.cpp"
printf 'add_compile_options(-mcpu=neoverse-n1)\n' >"$tree/report/arm.cmake"
printf '#include <immintrin.h>\nvoid g() { _mm_pause(); }\n' >"$tree/kernels/arch/x86/allowed.cpp"
printf '#include <arm_neon.h>\nasm volatile("mrs %%0, cntvct_el0" : "=r"(t));\n' >"$tree/kernels/arch/arm/allowed.cpp"
if output=$(bash "$check" "$tree" 2>&1); then
  echo "FAIL: the check passed a tree with platform code outside its folder" >&2
  exit 1
fi
for leak in header.hpp intrinsic.cpp counter.cpp builtin.cpp CMakeLists.txt \
            neon_header.hpp neon_intrinsic.cpp arm_counter.cpp arm.cmake; do
  grep -q "report/$leak:1:" <<<"$output" || { echo "FAIL: report/$leak not named:" >&2; echo "$output" >&2; exit 1; }
done
if grep -q allowed.cpp <<<"$output"; then
  echo "FAIL: a file under a platform's own folder was reported" >&2
  exit 1
fi
rm "$tree"/report/*
bash "$check" "$tree"
