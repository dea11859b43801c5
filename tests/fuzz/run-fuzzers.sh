#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset `fuzz`: clang-14, ASan + UBSan)
# and runs each, one at a time and at the lowest priority (nice -n 19, so a
# shared machine's builds keep their cores), in two passes:
#  - scaled: the size-scaled seeds make_scaled_corpus.py writes (reports at
#    and just over the 100,000 rows/scopes/samples limits, 1 MiB names) with a
#    -timeout and an -rss_limit_mb, so an input that is slow or memory-hungry
#    for its size is a finding too;
#  - main: a fixed number of executions from the seed corpus in
#    tests/fuzz/corpus/<target>/ (left unchanged: new inputs go to
#    build-fuzz/fuzz-runs/).
# Prints each pass's executions and result; exits 1 when any target found a
# crash, a leak, undefined behaviour, a timeout or an out-of-memory, whose
# input is then in build-fuzz/fuzz-runs/<target>-*.
#
# Usage: tests/fuzz/run-fuzzers.sh [TARGET...]   (default: every target)
#   FUZZ_RUNS=N overrides every target's main execution count,
#   SCALED_RUNS=N the scaled pass's (default 50), FUZZ_BUILD_JOBS the build's (default 1).
set -euo pipefail
cd "$(dirname "$0")/../.."

# Executions per target: together over 10 million, weighted by how much
# input-dependent code each target reaches and how fast one execution is.
declare -A default_runs=(
  [markdown_report]=3000000
  [json_profile]=2500000
  [alloc_json]=2000000
  [baseline_index]=1000000
  [compare]=2000000
  [cli]=700000
)
declare -A dictionary=(
  [markdown_report]=markdown.dict
  [json_profile]=json.dict
  [alloc_json]=json.dict
  [baseline_index]=json.dict
  [compare]=markdown.dict
  [cli]=cli.dict
)
targets=("$@")
((${#targets[@]})) || targets=(markdown_report json_profile alloc_json baseline_index compare cli)

if ! command -v clang++-14 >/dev/null; then
  echo "run-fuzzers.sh needs clang-14 and libFuzzer: apt-get install -y clang-14 libfuzzer-14-dev" >&2
  exit 2
fi
nice -n 19 cmake --preset fuzz >/dev/null
nice -n 19 cmake --build build-fuzz -j"${FUZZ_BUILD_JOBS:-1}" --target "${targets[@]/%/_fuzzer}"

work=build-fuzz/fuzz-runs
mkdir -p "$work"
[[ -d "$work/scaled-seeds" ]] || python3 tests/fuzz/make_scaled_corpus.py "$work/scaled-seeds"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=0
total=0

# fuzz TARGET PASS RUNS TIMEOUT_S RSS_MB MAX_LEN CORPUS...: one libFuzzer run, its result printed.
fuzz() {
  local target=$1 pass=$2 runs=$3 timeout=$4 rss=$5 max_len=$6
  shift 6
  local log="$work/$target-$pass.log" status=0
  mkdir -p "$work/$target-$pass"
  nice -n 19 "build-fuzz/tests/fuzz/${target}_fuzzer" -runs="$runs" -seed=1 -timeout="$timeout" \
    -rss_limit_mb="$rss" -max_len="$max_len" -print_final_stats=1 -dict="tests/fuzz/${dictionary[$target]}" \
    -artifact_prefix="$work/$target-" "$work/$target-$pass" "$@" >"$log" 2>&1 || status=$?
  local done_runs
  done_runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' "$log")
  if ((status == 0)); then
    echo "$target ($pass): $done_runs, no crash, leak, undefined behaviour, timeout or out-of-memory"
    total=$((total + ${done_runs%% *}))
  else
    failed=1
    echo "$target ($pass): FAILED (exit $status), see $log:"
    grep -m1 -E 'ERROR|runtime error|deadly signal|uncaught exception|Timeout|leak|out-of-memory' "$log" ||
      tail -n 5 "$log"
  fi
}

for target in "${targets[@]}"; do
  # A report at the limits parses in well under a second in a release build
  # and in a few seconds under the sanitizers at nice 19 on a busy machine;
  # 60 s is a finding (the quadratic depth check took minutes there). The
  # scaled seeds are read whole (64 MiB, the input limit), not cut to
  # libFuzzer's default 1 MiB; the main pass keeps inputs small and fast.
  fuzz "$target" scaled "${SCALED_RUNS:-50}" 60 2048 $((64 << 20)) "$work/scaled-seeds/$target"
  fuzz "$target" main "${FUZZ_RUNS:-${default_runs[$target]}}" 10 1536 65536 "tests/fuzz/corpus/$target"
done
echo "total: $total executions"
exit "$failed"
