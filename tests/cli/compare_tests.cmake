# The compare command run as users run it: good inputs of every format, the
# gate's exit statuses, and every row of the bad-input matrix (exit 2, one
# line on stderr naming the file, no output written, inputs untouched).
set(CMP_DATA ${CMAKE_SOURCE_DIR}/tests/data)
set(CMP_CASE_A ${CMP_DATA}/smallmind/case-a)
set(CMP_CASE_B ${CMP_DATA}/smallmind/case-b)
set(CMP_BAD ${CMP_DATA}/compare/bad)
set(CMP_JSON ${CMP_DATA}/compare/json)
set(CMP_SCRATCH ${CMAKE_CURRENT_BINARY_DIR}/compare)

# smp_compare_test(<name> STATUS <n> ARGS <arguments...> [STDOUT <regex>] [STDERR <text>]
#                  [EXPECT_FILES ...] [FORBID_FILES ...] [UNTOUCHED ...] [MAKE_DIRS ...]
#                  [SPARSE_FILE <path> SPARSE_SIZE <bytes>] [COPY_FROM <path> COPY_TO <path>]
#                  [LAUNCHER <program>] [NO_TEMPORARIES <directory>] [PREFIX <test name prefix, default compare>])
function(smp_compare_test name)
  cmake_parse_arguments(PARSE_ARGV 1 T ""
                        "STATUS;STDOUT;STDERR;SPARSE_FILE;SPARSE_SIZE;COPY_FROM;COPY_TO;LAUNCHER;NO_TEMPORARIES;PREFIX"
                        "ARGS;EXPECT_FILES;FORBID_FILES;UNTOUCHED;MAKE_DIRS")
  if(NOT DEFINED T_PREFIX)
    set(T_PREFIX compare)
  endif()
  smp_script_defines(defines T
    SINGLE STDOUT:EXPECT_STDOUT STDERR:EXPECT_STDERR SPARSE_FILE SPARSE_SIZE COPY_FROM COPY_TO LAUNCHER NO_TEMPORARIES
    LISTS ARGS EXPECT_FILES FORBID_FILES UNTOUCHED MAKE_DIRS)
  list(PREPEND defines -DEXE=${SMP_EXE} -DEXPECT_STATUS=${T_STATUS})
  add_test(NAME cli.${T_PREFIX}.${name}
           COMMAND ${CMAKE_COMMAND} ${defines} -P ${CMAKE_CURRENT_LIST_DIR}/expect_compare.cmake)
endfunction()

# ---- good inputs ------------------------------------------------------------

set(CMP_OUT ${CMP_SCRATCH}/case_a/out.md)
smp_compare_test(case_a_regression STATUS 1 STDOUT "^REGRESSION: total runtime \\+56\\.5%"
  ARGS compare ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/current.md ${CMP_OUT} --json ${CMP_OUT}.json
       --markdown-summary ${CMP_OUT}.summary.md
  EXPECT_FILES ${CMP_OUT} ${CMP_OUT}.json ${CMP_OUT}.summary.md MAKE_DIRS ${CMP_SCRATCH}/case_a
  UNTOUCHED ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/current.md)
smp_compare_test(report_only STATUS 0 STDOUT "^REGRESSION"
  ARGS compare ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/current.md ${CMP_SCRATCH}/report_only/out.md --report-only
  EXPECT_FILES ${CMP_SCRATCH}/report_only/out.md MAKE_DIRS ${CMP_SCRATCH}/report_only)
smp_compare_test(flag_form STATUS 1 STDOUT "^REGRESSION"
  ARGS --compare ${CMP_CASE_B}/previous.md ${CMP_CASE_B}/current.md ${CMP_SCRATCH}/flag_form/out.md
  EXPECT_FILES ${CMP_SCRATCH}/flag_form/out.md MAKE_DIRS ${CMP_SCRATCH}/flag_form)
smp_compare_test(same_report_passes STATUS 0 STDOUT "^PASS"
  ARGS compare ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/previous.md ${CMP_SCRATCH}/same/out.md
  EXPECT_FILES ${CMP_SCRATCH}/same/out.md MAKE_DIRS ${CMP_SCRATCH}/same)
smp_compare_test(threshold_option STATUS 0 STDOUT "^PASS.*60\\.0% threshold"
  ARGS compare ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/current.md ${CMP_SCRATCH}/threshold/out.md --threshold 60
  MAKE_DIRS ${CMP_SCRATCH}/threshold)
smp_compare_test(older_formats STATUS 0
  ARGS compare ${CMP_DATA}/smallmind/other-formats/deep-profile-report.md ${CMP_CASE_A}/previous.md
       ${CMP_SCRATCH}/older/out.md --report-only
  EXPECT_FILES ${CMP_SCRATCH}/older/out.md MAKE_DIRS ${CMP_SCRATCH}/older)
smp_compare_test(crlf_bom_accepted STATUS 0 STDOUT "^PASS"
  ARGS compare ${CMP_DATA}/compare/crlf_bom.md ${CMP_CASE_A}/previous.md ${CMP_SCRATCH}/crlf/out.md
  EXPECT_FILES ${CMP_SCRATCH}/crlf/out.md MAKE_DIRS ${CMP_SCRATCH}/crlf)

# ---- the statistical gate on our JSON -------------------------------------------

smp_compare_test(json_a_a_passes STATUS 0 STDOUT "^PASS: 0 regressed"
  ARGS compare ${CMP_JSON}/baseline.json ${CMP_JSON}/rerun.json ${CMP_SCRATCH}/json_aa/out.md --gate time,alloc
  MAKE_DIRS ${CMP_SCRATCH}/json_aa)
smp_compare_test(json_slowed_regresses STATUS 1 STDOUT "^REGRESSION: 1 regressed.*Welch t on process medians"
  ARGS compare ${CMP_JSON}/baseline.json ${CMP_JSON}/slowed.json ${CMP_SCRATCH}/json_slow/out.md
  MAKE_DIRS ${CMP_SCRATCH}/json_slow)
smp_compare_test(json_slowed_report_only STATUS 0 STDOUT "^REGRESSION"
  ARGS compare ${CMP_JSON}/baseline.json ${CMP_JSON}/slowed.json ${CMP_SCRATCH}/json_slow_ro/out.md --report-only
  MAKE_DIRS ${CMP_SCRATCH}/json_slow_ro)
smp_compare_test(alloc_gate_fails STATUS 1 STDOUT "allocations grew.*Model_Small_Forward"
  ARGS compare ${CMP_JSON}/baseline.json ${CMP_JSON}/alloc_grown.json ${CMP_SCRATCH}/alloc/out.md --gate alloc
  MAKE_DIRS ${CMP_SCRATCH}/alloc)
smp_compare_test(alloc_not_gated_by_default STATUS 0 STDOUT "^PASS"
  ARGS compare ${CMP_JSON}/baseline.json ${CMP_JSON}/alloc_grown.json ${CMP_SCRATCH}/alloc_time/out.md
  MAKE_DIRS ${CMP_SCRATCH}/alloc_time)
smp_compare_test(alloc_threshold_tolerates STATUS 0 STDOUT "^PASS"
  ARGS compare ${CMP_JSON}/baseline.json ${CMP_JSON}/alloc_grown.json ${CMP_SCRATCH}/alloc_tol/out.md --gate alloc
       --alloc-threshold 50
  MAKE_DIRS ${CMP_SCRATCH}/alloc_tol)
smp_compare_test(inconclusive_passes STATUS 0 STDOUT "^INCONCLUSIVE"
  ARGS compare ${CMP_JSON}/three_reps.json ${CMP_JSON}/three_reps_slowed.json ${CMP_SCRATCH}/inconclusive/out.md
  MAKE_DIRS ${CMP_SCRATCH}/inconclusive)
smp_compare_test(fail_on_inconclusive STATUS 1 STDOUT "^INCONCLUSIVE"
  ARGS compare ${CMP_JSON}/three_reps.json ${CMP_JSON}/three_reps_slowed.json ${CMP_SCRATCH}/fail_inconclusive/out.md
       --fail-on inconclusive
  MAKE_DIRS ${CMP_SCRATCH}/fail_inconclusive)
smp_compare_test(single_process_is_not_decided STATUS 0 STDOUT "^INCONCLUSIVE: .*one process a side: not testable"
  ARGS compare ${CMP_JSON}/single_process.json ${CMP_JSON}/single_process_slowed.json ${CMP_SCRATCH}/single/out.md
  MAKE_DIRS ${CMP_SCRATCH}/single)
smp_compare_test(single_process_fails_on_inconclusive STATUS 1 STDOUT "^INCONCLUSIVE"
  ARGS compare ${CMP_JSON}/single_process.json ${CMP_JSON}/single_process.json ${CMP_SCRATCH}/single_fail/out.md
       --fail-on inconclusive
  MAKE_DIRS ${CMP_SCRATCH}/single_fail)
smp_compare_test(other_machine_not_compared STATUS 0 STDOUT "^PASS: time not compared: .*CPU model"
  ARGS compare ${CMP_JSON}/baseline.json ${CMP_JSON}/other_env.json ${CMP_SCRATCH}/other_machine/out.md
  MAKE_DIRS ${CMP_SCRATCH}/other_machine)
smp_compare_test(environment_warning STATUS 0 STDOUT "environment differs" STDERR "CPU model"
  ARGS -q compare ${CMP_JSON}/baseline.json ${CMP_JSON}/other_env.json ${CMP_SCRATCH}/env/out.md
  EXPECT_FILES ${CMP_SCRATCH}/env/out.md MAKE_DIRS ${CMP_SCRATCH}/env)
smp_compare_test(strict_env_refuses STATUS 2 STDERR "${CMP_JSON}/other_env.json"
  ARGS compare ${CMP_JSON}/baseline.json ${CMP_JSON}/other_env.json ${CMP_SCRATCH}/strict_env/out.md --strict-env
  FORBID_FILES ${CMP_SCRATCH}/strict_env/out.md MAKE_DIRS ${CMP_SCRATCH}/strict_env)

# ---- usage errors -----------------------------------------------------------------

smp_compare_test(bad_gate_value STATUS 2 STDERR "--gate"
  ARGS compare ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/current.md ${CMP_SCRATCH}/usage/out.md --gate speed
  FORBID_FILES ${CMP_SCRATCH}/usage/out.md)
smp_compare_test(bad_alpha_value STATUS 2 STDERR "--alpha"
  ARGS compare ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/current.md ${CMP_SCRATCH}/usage/alpha.md --alpha 1.5
  FORBID_FILES ${CMP_SCRATCH}/usage/alpha.md)

# ---- the bad-input matrix -----------------------------------------------------------

# One case per bad PREV fixture; CURR is good and must stay untouched.
foreach(fixture empty.md garbage.bin no_table.md truncated_row.md non_numeric_time.md negative_time.md
                nan_time.md inf_time.md duplicate_rows.md)
  string(REGEX REPLACE "\\.[a-z]+$" "" case "${fixture}")
  smp_compare_test(bad_${case} STATUS 2 STDERR "${CMP_BAD}/${fixture}"
    ARGS compare ${CMP_BAD}/${fixture} ${CMP_CASE_A}/current.md ${CMP_SCRATCH}/bad_${case}/out.md
    FORBID_FILES ${CMP_SCRATCH}/bad_${case}/out.md UNTOUCHED ${CMP_BAD}/${fixture} ${CMP_CASE_A}/current.md
    MAKE_DIRS ${CMP_SCRATCH}/bad_${case})
endforeach()

smp_compare_test(bad_missing_file STATUS 2 STDERR "${CMP_SCRATCH}/missing/prev.md"
  ARGS compare ${CMP_SCRATCH}/missing/prev.md ${CMP_CASE_A}/current.md ${CMP_SCRATCH}/missing/out.md
  FORBID_FILES ${CMP_SCRATCH}/missing/out.md UNTOUCHED ${CMP_CASE_A}/current.md MAKE_DIRS ${CMP_SCRATCH}/missing)
smp_compare_test(bad_directory STATUS 2 STDERR "${CMP_SCRATCH}/directory/prev.md: is a directory"
  ARGS compare ${CMP_SCRATCH}/directory/prev.md ${CMP_CASE_A}/current.md ${CMP_SCRATCH}/directory/out.md
  FORBID_FILES ${CMP_SCRATCH}/directory/out.md MAKE_DIRS ${CMP_SCRATCH}/directory/prev.md)
smp_compare_test(bad_no_common_methods STATUS 2 STDERR "${CMP_BAD}/no_common.md"
  ARGS compare ${CMP_CASE_A}/previous.md ${CMP_BAD}/no_common.md ${CMP_SCRATCH}/no_common/out.md
  FORBID_FILES ${CMP_SCRATCH}/no_common/out.md UNTOUCHED ${CMP_CASE_A}/previous.md ${CMP_BAD}/no_common.md
  MAKE_DIRS ${CMP_SCRATCH}/no_common)
smp_compare_test(bad_out_is_prev STATUS 2 STDERR "prev.md: output would overwrite the input"
  ARGS compare ${CMP_SCRATCH}/out_is_prev/prev.md ${CMP_CASE_A}/current.md ${CMP_SCRATCH}/out_is_prev/prev.md
  COPY_FROM ${CMP_CASE_A}/previous.md COPY_TO ${CMP_SCRATCH}/out_is_prev/prev.md
  UNTOUCHED ${CMP_SCRATCH}/out_is_prev/prev.md ${CMP_CASE_A}/current.md)
smp_compare_test(bad_out_is_curr STATUS 2 STDERR "curr.md: output would overwrite the input"
  ARGS compare ${CMP_CASE_A}/previous.md ${CMP_SCRATCH}/out_is_curr/curr.md ${CMP_SCRATCH}/out_is_curr/../out_is_curr/curr.md
  COPY_FROM ${CMP_CASE_A}/current.md COPY_TO ${CMP_SCRATCH}/out_is_curr/curr.md
  UNTOUCHED ${CMP_CASE_A}/previous.md ${CMP_SCRATCH}/out_is_curr/curr.md)
smp_compare_test(bad_out_in_missing_directory STATUS 2 STDERR "${CMP_SCRATCH}/no_such_dir/out.md"
  ARGS compare ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/current.md ${CMP_SCRATCH}/no_such_dir/out.md
  FORBID_FILES ${CMP_SCRATCH}/no_such_dir/out.md UNTOUCHED ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/current.md)
# sysfs refuses new files to every user, root included, unlike a chmod'ed directory.
smp_compare_test(bad_out_in_unwritable_directory STATUS 2 STDERR "/sys/smallmind-prof-out.md"
  ARGS compare ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/current.md /sys/smallmind-prof-out.md
  UNTOUCHED ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/current.md)
smp_compare_test(bad_json_output_directory STATUS 2 STDERR "${CMP_SCRATCH}/json_out/missing/out.json"
  ARGS compare ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/current.md ${CMP_SCRATCH}/json_out/out.md
       --json ${CMP_SCRATCH}/json_out/missing/out.json
  FORBID_FILES ${CMP_SCRATCH}/json_out/out.md MAKE_DIRS ${CMP_SCRATCH}/json_out)
# One byte over the limit, sparse so the test costs no disk.
smp_compare_test(bad_file_over_64_mib STATUS 2 STDERR "${CMP_SCRATCH}/huge/prev.md: is 67108865 bytes, over the 64 MiB limit"
  ARGS compare ${CMP_SCRATCH}/huge/prev.md ${CMP_CASE_A}/current.md ${CMP_SCRATCH}/huge/out.md
  SPARSE_FILE ${CMP_SCRATCH}/huge/prev.md SPARSE_SIZE 67108865
  FORBID_FILES ${CMP_SCRATCH}/huge/out.md UNTOUCHED ${CMP_CASE_A}/current.md)
