#!/usr/bin/env bash
# Measures this machine's false-alarm and detection rates of the time gate
# with default settings: RUNS A/A runs of `ab EXE EXE`, then RUNS runs with an
# injected slowdown on the candidate side for each SCOPE=PCT given, and, for
# separately run reports, RUNS pairs of default `enhanced` runs compared with
# `compare`. Prints the counts, and per top-level scope the median over the
# A/A runs of the smallest change ab detects (80 % power). A benchmark, not a
# test: it takes minutes and its figures depend on the machine; run it on an
# otherwise idle machine.
# Usage: gate_check.sh EXE RUNS [SCOPE=PCT ...]
#   e.g. tests/bench/gate_check.sh build/smallmind-prof 20 GELU_1000000=10 Model_Medium_Inference=5
set -euo pipefail
exe=$(realpath "$1") runs=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The verdict, and the regressed top-level scopes, of a comparison JSON.
verdict_of() { sed -n 's/^    "verdict": "\([A-Z]*\)",$/\1/p' "$1" | head -1; }
regressed_of() {
  awk '/"name":/ { gsub(/[",]/, "", $2); name = $2 } /"verdict": "regressed"/ { print name }' "$1" | sort -u | tr '\n' ' '
}
looks_of() { sed -n 's/^    "looks": \([0-9]*\),$/\1/p' "$1" | head -1; }
# "scope detectable_pct" for each top-level scope of a comparison JSON.
detectable_of() {
  awk '/"detectable_pct":/ { gsub(/,/, "", $2); pct = $2 }
       /"name":/ { gsub(/[",]/, "", $2); name = $2 }
       /"parents": \[\],/ { print name, pct }' "$1"
}

echo "machine: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(nproc) cores; $("$exe" --version)"

aa_alarms=0 aa_seconds=()
for ((i = 1; i <= runs; i++)); do
  "$exe" -q ab "$exe" "$exe" --output-dir "$work/aa" --order-seed "$i" >/dev/null || true
  verdict=$(verdict_of "$work/aa/ab-comparison.json")
  [[ $verdict == REGRESSION ]] && aa_alarms=$((aa_alarms + 1))
  detectable_of "$work/aa/ab-comparison.json" >>"$work/detectable.txt"
  aa_seconds+=("$(sed -n 's/^    "seconds": \([0-9.]*\)$/\1/p' "$work/aa/ab-comparison.json")")
  echo "ab A/A $i: $verdict, $(looks_of "$work/aa/ab-comparison.json") look(s), ${aa_seconds[-1]} s $(regressed_of "$work/aa/ab-comparison.json")"
done
echo "ab A/A: $aa_alarms REGRESSION of $runs runs; wall seconds per run (min median max): $(printf '%s\n' "${aa_seconds[@]}" | sort -g | awk '{ v[NR] = $1 } END { printf "%.1f %.1f %.1f", v[1], v[int((NR + 1) / 2)], v[NR] }')"
echo "smallest change detected with 80 % power, median over the A/A runs, per top-level scope:"
sort -k1,1 -k2,2g "$work/detectable.txt" | awk '
  $1 != scope { if (scope != "") printf "  %-24s %5.1f %%\n", scope, values[int((n + 1) / 2)]; scope = $1; n = 0 }
  { values[++n] = $2 }
  END { printf "  %-24s %5.1f %%\n", scope, values[int((n + 1) / 2)] }'

for injected in "$@"; do
  scope=${injected%%=*} found=0 others=0
  for ((i = 1; i <= runs; i++)); do
    "$exe" -q ab "$exe" "$exe" --output-dir "$work/inj" --order-seed "$i" \
      --candidate-args "--inject-slowdown $injected" >/dev/null 2>&1 || true
    regressed=$(regressed_of "$work/inj/ab-comparison.json")
    [[ " $regressed" == *" $scope "* ]] && found=$((found + 1))
    for name in $regressed; do [[ $name != "$scope" ]] && others=$((others + 1)); done
    echo "ab $injected $i: $(verdict_of "$work/inj/ab-comparison.json"), $(looks_of "$work/inj/ab-comparison.json") look(s) $regressed"
  done
  echo "ab $injected: $scope regressed in $found of $runs runs; $others regressions of other scopes"
done

compare_alarms=0
for ((i = 1; i <= runs; i++)); do
  "$exe" -q enhanced --no-peak --output-dir "$work/a" && "$exe" -q enhanced --no-peak --output-dir "$work/b"
  "$exe" -q compare "$work/a/enhanced-profile-report.json" "$work/b/enhanced-profile-report.json" \
    "$work/cmp.md" --json "$work/cmp.json" >/dev/null || true
  verdict=$(verdict_of "$work/cmp.json")
  [[ $verdict == REGRESSION ]] && compare_alarms=$((compare_alarms + 1))
  echo "compare A/A $i: $verdict $(regressed_of "$work/cmp.json")"
done
echo "compare A/A: $compare_alarms REGRESSION of $runs pairs"
