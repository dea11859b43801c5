#!/usr/bin/env bash
# x86_confined.sh finds each kind of x86-only line it looks for, names its
# file, and leaves x86/ folders alone.
set -euo pipefail
check=$(dirname "$0")/x86_confined.sh
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/kernels/arch/x86" "$tree/report"
printf '#include <immintrin.h>\n' >"$tree/report/header.hpp"
printf 'void f() { _mm_pause(); }\n' >"$tree/report/intrinsic.cpp"
printf 'unsigned long t() { return __rdtsc(); }\n' >"$tree/report/counter.cpp"
printf 'bool b() { return __builtin_cpu_supports("avx2"); }\n' >"$tree/report/builtin.cpp"
printf 'set_source_files_properties(a.cpp PROPERTIES COMPILE_OPTIONS "-mavx2")\n' >"$tree/report/CMakeLists.txt"
printf '#include <immintrin.h>\nvoid g() { _mm_pause(); }\n' >"$tree/kernels/arch/x86/allowed.cpp"
if output=$(bash "$check" "$tree" 2>&1); then
  echo "FAIL: the check passed a tree with x86 code outside x86/" >&2
  exit 1
fi
for leak in header.hpp intrinsic.cpp counter.cpp builtin.cpp CMakeLists.txt; do
  grep -q "report/$leak:1:" <<<"$output" || { echo "FAIL: report/$leak not named:" >&2; echo "$output" >&2; exit 1; }
done
if grep -q allowed.cpp <<<"$output"; then
  echo "FAIL: a file under x86/ was reported" >&2
  exit 1
fi
rm "$tree"/report/*
bash "$check" "$tree"
