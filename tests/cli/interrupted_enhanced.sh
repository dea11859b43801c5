#!/usr/bin/env bash
# Usage: interrupted_enhanced.sh SMALLMIND_PROF SIGNAL SCRATCH_DIR
# Starts a long `enhanced` run into a directory that already holds reports,
# sends SIGNAL once the run is measuring, and checks that the run died of it,
# that the previous reports are byte-identical and that nothing else (no
# temporary, no half-written report) was left in the directory.
set -euo pipefail
exe=$1 signal=$2 scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch/out"
printf 'previous markdown report\n' >"$scratch/out/enhanced-profile-report.md"
printf '{"previous": "json report"}\n' >"$scratch/out/enhanced-profile-report.json"
cp "$scratch/out/enhanced-profile-report.md" "$scratch/out/enhanced-profile-report.json" "$scratch/"

# Job control gives the background run its own process group and, unlike a
# plain `&` in a script, leaves SIGINT at its default disposition.
set -m
"$exe" enhanced --processes 1 --repetitions 100000 --no-peak --filter Softmax --output-dir "$scratch/out" 2>"$scratch/stderr" &
run=$!
for _ in $(seq 600); do
  grep -q 'repetition 1/' "$scratch/stderr" && break
  kill -0 "$run" 2>/dev/null || break
  sleep 0.1
done
if ! grep -q 'repetition 1/' "$scratch/stderr"; then
  kill -KILL "$run" 2>/dev/null || true
  echo "the run never reached its measured repetitions:" >&2
  cat "$scratch/stderr" >&2
  exit 1
fi
kill "-$signal" "$run"
status=0
wait "$run" || status=$?
expected=$((128 + $(kill -l "$signal")))
if ((status != expected)); then
  echo "expected the run to end with status $expected (killed by SIG$signal), got $status" >&2
  exit 1
fi
for name in enhanced-profile-report.md enhanced-profile-report.json; do
  cmp "$scratch/$name" "$scratch/out/$name" || { echo "the previous $name was changed" >&2; exit 1; }
done
left=$(ls -A "$scratch/out" | sort | tr '\n' ' ')
if [[ $left != "enhanced-profile-report.json enhanced-profile-report.md " ]]; then
  echo "the output directory holds more than the previous reports: $left" >&2
  exit 1
fi
echo "SIG$signal: the run stopped, the previous reports are intact and nothing was left behind"
