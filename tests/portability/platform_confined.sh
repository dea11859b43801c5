#!/usr/bin/env bash
# Fails, naming each line, when an x86 header, intrinsic, builtin or ISA flag
# appears in a source or CMake file outside a folder named x86/.
# tests/data (inputs, not code) is not looked at.
# Usage: x86_confined.sh ROOT
set -euo pipefail
root=$1
pattern='#[[:space:]]*include[[:space:]]*<([a-z0-9_]*intrin|cpuid)\.h>'
pattern+='|\b_mm(256|512)?_[a-z0-9_]+|\b__m(128|256|512)[di]?\b|\b__mmask[0-9]+'
pattern+='|__rdtsc|__builtin_ia32_|__builtin_cpu_(supports|is|init)'
pattern+='|(^|[[:space:]";(])-m(avx|sse|fma|bmi|f16c|arch=)'
hits=$(cd "$root" && grep -rEn --include='*.cpp' --include='*.hpp' --include='*.h' --include='*.c' \
  --include=CMakeLists.txt --include='*.cmake' --include=CMakePresets.json \
  --exclude-dir=.git --exclude-dir='build*' --exclude-dir=x86 --exclude-dir=data "$pattern" . || true)
if [[ -n $hits ]]; then
  echo "x86-only code outside an x86/ folder:" >&2
  echo "$hits" >&2
  exit 1
fi
