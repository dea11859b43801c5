#!/usr/bin/env bash
# Fails, naming each line, when a platform's headers, intrinsics, builtins,
# registers or ISA flags appear in a source or CMake file outside a folder
# named for that platform: x86-64's outside x86/, aarch64's outside arm/.
# tests/data (inputs, not code) is not looked at.
# Usage: platform_confined.sh ROOT
set -euo pipefail
root=$1
x86='#[[:space:]]*include[[:space:]]*<([a-z0-9_]*intrin|cpuid)\.h>'
x86+='|\b_mm(256|512)?_[a-z0-9_]+|\b__m(128|256|512)[di]?\b|\b__mmask[0-9]+'
x86+='|__rdtsc|__builtin_ia32_|__builtin_cpu_(supports|is|init)'
x86+='|(^|[[:space:]";(])-m(avx|sse|fma|bmi|f16c|arch=)'
arm='#[[:space:]]*include[[:space:]]*<arm_(neon|acle|sve)\.h>'
arm+='|\bv(ld|st)[1-4]q?_[a-z0-9_]+|\b(float|int|uint)(8|16|32|64)x[0-9]+(x[0-9])?_t\b'
arm+='|\bcnt(vct|frq)_el0\b|__builtin_aarch64_'
arm+='|(^|[[:space:]";(])-m(cpu|tune)=|-march=armv'
status=0
for platform in x86:"$x86" arm:"$arm"; do
  folder=${platform%%:*} pattern=${platform#*:}
  hits=$(cd "$root" && grep -rEn --include='*.cpp' --include='*.hpp' --include='*.h' --include='*.c' \
    --include=CMakeLists.txt --include='*.cmake' --include=CMakePresets.json \
    --exclude-dir=.git --exclude-dir='build*' --exclude-dir="$folder" --exclude-dir=data "$pattern" . || true)
  if [[ -n $hits ]]; then
    echo "$folder-only code outside a $folder/ folder:" >&2
    echo "$hits" >&2
    status=1
  fi
done
exit $status
