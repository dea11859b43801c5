# A comparison never passes on nonsense: like-for-like totals, scopes in one
# report only as a decision (--fail-on missing), and the inputs whose figures
# cannot be compared at all (exit 2, one line naming the file, nothing written).
set(NONSENSE_SCRATCH ${CMAKE_CURRENT_BINARY_DIR}/nonsense)
set(FULL_BASELINE ${CMP_CASE_A}/previous.md)

# ---- totals over the common scopes ------------------------------------------------
# A CURR of three scopes, each twice as slow: the common total doubles. Summing
# the baseline's other 26 scopes read -99.7 % and passed.
smp_compare_test(filtered_slower_regresses STATUS 1
  STDOUT "^REGRESSION: total runtime \\+100\\.0% against a 10\\.0% threshold.*26 scope\\(s\\) in one report only"
  ARGS compare ${FULL_BASELINE} ${CMP_DATA}/compare/filtered_slower.md ${NONSENSE_SCRATCH}/filtered_slower/out.md
  MAKE_DIRS ${NONSENSE_SCRATCH}/filtered_slower)
smp_compare_test(filtered_same_passes STATUS 0
  STDOUT "^PASS: total runtime \\+0\\.0%.*26 scope\\(s\\) in one report only \\(not gated"
  ARGS compare ${FULL_BASELINE} ${CMP_DATA}/compare/filtered_same.md ${NONSENSE_SCRATCH}/filtered_same/out.md
  MAKE_DIRS ${NONSENSE_SCRATCH}/filtered_same)
foreach(fail_on missing "inconclusive,missing")
  string(REPLACE "," "_" case "${fail_on}")
  smp_compare_test(fail_on_${case} STATUS 1 STDOUT "^REGRESSION: .*\\(--fail-on missing\\)"
    ARGS compare ${FULL_BASELINE} ${CMP_DATA}/compare/filtered_same.md ${NONSENSE_SCRATCH}/fail_on_${case}/out.md
         --fail-on ${fail_on}
    MAKE_DIRS ${NONSENSE_SCRATCH}/fail_on_${case})
endforeach()
# The same scopes on both sides: nothing is missing, --fail-on missing passes.
smp_compare_test(fail_on_missing_nothing_missing STATUS 0 STDOUT "^PASS"
  ARGS compare ${FULL_BASELINE} ${FULL_BASELINE} ${NONSENSE_SCRATCH}/nothing_missing/out.md --fail-on missing
  MAKE_DIRS ${NONSENSE_SCRATCH}/nothing_missing)

# ---- inputs that cannot be compared ---------------------------------------------------
foreach(row "huge_times.md;total runtime is not a finite number"
            "all_zero.md;has no measurements: every scope's time is 0"
            "names_only.json;has no measurements for scope `MatMul_64x64`"
            "cut_at_row.md;is truncated: it ends before its closing section"
            "cut_standard.md;is truncated: it ends before its '## 💡 Performance Insights' section")
  list(GET row 0 fixture)
  list(GET row 1 problem)
  string(REGEX REPLACE "\\.[a-z]+$" "" case "${fixture}")
  smp_compare_test(bad_${case} STATUS 2 STDERR "${CMP_BAD}/${fixture}: ${problem}"
    ARGS compare ${CMP_BAD}/${fixture} ${CMP_CASE_A}/current.md ${NONSENSE_SCRATCH}/bad_${case}/out.md
         --json ${NONSENSE_SCRATCH}/bad_${case}/out.json
    FORBID_FILES ${NONSENSE_SCRATCH}/bad_${case}/out.md ${NONSENSE_SCRATCH}/bad_${case}/out.json
    UNTOUCHED ${CMP_BAD}/${fixture} ${CMP_CASE_A}/current.md MAKE_DIRS ${NONSENSE_SCRATCH}/bad_${case})
endforeach()
# As the baseline of run, before anything is measured or written.
smp_compare_test(truncated_baseline PREFIX run STATUS 2 STDERR "${CMP_BAD}/cut_at_row.md: is truncated"
  ARGS -q run --quick --no-peak --filter Softmax_512 --baseline ${CMP_BAD}/cut_at_row.md
       --output-dir ${NONSENSE_SCRATCH}/run_truncated/out
  FORBID_FILES ${NONSENSE_SCRATCH}/run_truncated/out MAKE_DIRS ${NONSENSE_SCRATCH}/run_truncated)
