#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset `fuzz`: clang-14, ASan + UBSan)
# and runs each for a fixed number of executions, starting from its seed
# corpus in tests/fuzz/corpus/<target>/ (left unchanged: new inputs go to
# build-fuzz/fuzz-runs/). Prints each target's executions and result; exits 1
# when any target found a crash, a leak, undefined behaviour or a timeout, whose
# input is then in build-fuzz/fuzz-runs/<target>-crash-*.
#
# Usage: tests/fuzz/run-fuzzers.sh [TARGET...]   (default: every target)
#   FUZZ_RUNS=N overrides every target's execution count.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Executions per target: together over 10 million, weighted by how much
# input-dependent code each target reaches and how fast one execution is.
declare -A default_runs=(
  [markdown_report]=3000000
  [json_profile]=2500000
  [alloc_json]=2000000
  [compare]=2000000
  [cli]=700000
)
declare -A dictionary=(
  [markdown_report]=markdown.dict
  [json_profile]=json.dict
  [alloc_json]=json.dict
  [compare]=markdown.dict
  [cli]=cli.dict
)
targets=("$@")
((${#targets[@]})) || targets=(markdown_report json_profile alloc_json compare cli)

if ! command -v clang++-14 >/dev/null; then
  echo "run-fuzzers.sh needs clang-14 and libFuzzer: apt-get install -y clang-14 libfuzzer-14-dev" >&2
  exit 2
fi
cmake --preset fuzz >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/%/_fuzzer}"

work=build-fuzz/fuzz-runs
mkdir -p "$work"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=0
total=0
for target in "${targets[@]}"; do
  runs=${FUZZ_RUNS:-${default_runs[$target]}}
  mkdir -p "$work/$target"
  log="$work/$target.log"
  status=0
  "build-fuzz/tests/fuzz/${target}_fuzzer" -runs="$runs" -seed=1 -timeout=30 -rss_limit_mb=2048 \
    -print_final_stats=1 -dict="tests/fuzz/${dictionary[$target]}" -artifact_prefix="$work/$target-" \
    "$work/$target" "tests/fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  done_runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$log")
  if ((status == 0)); then
    echo "$target: $done_runs, no crash, leak or undefined behaviour"
    total=$((total + ${done_runs%% *}))
  else
    failed=1
    echo "$target: FAILED (exit $status), see $log:"
    grep -m1 -E 'ERROR|runtime error|deadly signal|uncaught exception|Timeout|leak' "$log" || tail -n 5 "$log"
  fi
done
echo "total: $total executions"
exit "$failed"
