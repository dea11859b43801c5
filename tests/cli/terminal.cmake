# What a person sees on a terminal and a script reads from stdout: the results
# tables, --format, -q, colours (--color, NO_COLOR), --list, --filter-out,
# --threshold 5%, --threshold-for, -v, the help's defaults and exit statuses,
# and the installed binary run from elsewhere.
set(TERM_JSON ${CMAKE_SOURCE_DIR}/tests/data/compare/json)
set(TERM_SCRATCH ${CMAKE_CURRENT_BINARY_DIR}/terminal)
file(MAKE_DIRECTORY ${TERM_SCRATCH})

# smp_stdout_test(<name> ARGS <arguments...> [STATUS <n>] [STDOUT <regex...>] [FORBID_STDOUT <regex>]
#                 [COLOUR ON|OFF] [TTY] [ENV <NAME=value...>] [STDERR <regex>] [LAST_STDERR <regex>]
#                 [FORBID_FILES <paths...>])
function(smp_stdout_test name)
  cmake_parse_arguments(PARSE_ARGV 1 T "TTY" "STATUS;FORBID_STDOUT;COLOUR;STDERR;LAST_STDERR"
                        "ARGS;STDOUT;ENV;FORBID_FILES")
  smp_script_defines(defines T SINGLE STATUS:EXPECT_STATUS FORBID_STDOUT COLOUR STDERR LAST_STDERR
                                 LISTS ARGS STDOUT ENV FORBID_FILES)
  list(PREPEND defines -DEXE=${SMP_EXE} -DTTY=${T_TTY})
  add_test(NAME cli.terminal.${name} COMMAND ${CMAKE_COMMAND} ${defines} -P ${CMAKE_CURRENT_LIST_DIR}/expect_stdout.cmake)
endfunction()

set(one_case --processes 1 --repetitions 1 --no-peak --filter "^GELU_1000$")
set(compare_slowed compare ${TERM_JSON}/baseline.json ${TERM_JSON}/slowed.json ${TERM_SCRATCH}/slowed.md)

# ---- the results table after every command -----------------------------------

smp_stdout_test(enhanced_table
  ARGS enhanced ${one_case} --export gbench --output-dir ${TERM_SCRATCH}/enhanced
  STDOUT "^Profile\nScope +Calls +Median +± MAD +GFLOPS +GB/s +% peak +Bound\n(─)+\nGELU_1000 +1 +[0-9.]+ (ns|µs|ms|s) "
         "\n  GELU_Iteration +5 " "MAD \\(median absolute deviation"
  LAST_STDERR "wrote [^ ]+/enhanced-profile-report\\.md, [^ ]+/enhanced-profile-report\\.json and [^ ]+/enhanced-profile-report\\.gbench\\.json$")
smp_stdout_test(alloc_table
  ARGS alloc --iterations 2 --steps 2 --repetitions 1 --pool on --output-dir ${TERM_SCRATCH}/alloc
  STDOUT "^Allocations\nWorkload +Pool +Time/iter +± MAD +Heap/iter +Allocs/iter +Peak live\n"
         "MatMul backward [0-9]+x[0-9]+ @ [0-9]+x[0-9]+ +on " "Training step [0-9]+x[0-9]+ +on "
  LAST_STDERR "wrote [^ ]+/allocation-profile\\.txt and [^ ]+/allocation-profile\\.json$")
# The verdict line stays the first line on stdout (what CI scripts read), the table follows.
smp_stdout_test(compare_verdict_then_table STATUS 1
  ARGS ${compare_slowed} --json ${TERM_SCRATCH}/slowed.json
  STDOUT "^REGRESSION: 1 regressed[^\n]*\n\nComparison\nScope +Before +After +Change +99% interval +p \\(Holm\\) +Threshold +Verdict\n"
         "\nMatMul_128x128 +[0-9.]+ ms +[0-9.]+ ms +\\+2[0-9.]+% +\\[[-+0-9.%, ]+\\] +<0\\.0001 +10% +regressed\n"
         "\n  MatMul_Iteration|\nMatMul_Iteration [^\n]*nested, not tested\n"
  LAST_STDERR "wrote [^ ]+/slowed\\.md and [^ ]+/slowed\\.json$")

# ---- --format ------------------------------------------------------------------

smp_stdout_test(format_csv STATUS 1 ARGS --format csv ${compare_slowed}
  STDOUT "^scope,before_median_ns,after_median_ns,change_percent,ratio_low,ratio_high,p_holm,threshold_percent,verdict\r\n"
         "\r\nMatMul_128x128,[0-9.e+]+,[0-9.e+]+,[0-9.e+]+,[0-9.e+]+,[0-9.e+]+,[0-9.e+-]+,10,regressed\r\n"
  FORBID_STDOUT "REGRESSION" STDERR "REGRESSION: 1 regressed")
smp_stdout_test(format_json STATUS 1 ARGS --format json ${compare_slowed}
  STDOUT "^{\n  \"gate\": {" "}\n$" STDERR "REGRESSION: 1 regressed")
smp_stdout_test(format_md STATUS 1 ARGS ${compare_slowed} --format md
  STDOUT "^# Profile Comparison" STDERR "REGRESSION: 1 regressed")
smp_stdout_test(enhanced_format_json ARGS enhanced ${one_case} --format json --output-dir ${TERM_SCRATCH}/json
  STDOUT "^{\n" "\"schema_version\": [0-9]+" FORBID_STDOUT "Scope +Calls")
smp_stdout_test(alloc_format_csv ARGS --format csv alloc --iterations 2 --steps 2 --repetitions 1 --pool off
                                      --output-dir ${TERM_SCRATCH}/alloc_csv
  STDOUT "^workload,pool,median_ns_per_iteration,mad_ns_per_iteration,heap_bytes_per_iteration,allocations_per_iteration,peak_live_bytes\r\nmatmul_backward,off,")
smp_stdout_test(rejects_unknown_format STATUS 2 ARGS --format xml compare a b c STDERR "--format")
# A report written to stdout keeps stdout to itself.
smp_stdout_test(report_on_stdout_keeps_it STATUS 1 ARGS compare ${TERM_JSON}/baseline.json ${TERM_JSON}/slowed.json -
  STDOUT "^# Profile Comparison" FORBID_STDOUT "\nComparison\nScope " STDERR "REGRESSION: 1 regressed")

# ---- -q ---------------------------------------------------------------------------

smp_stdout_test(quiet_keeps_only_the_verdict STATUS 1 ARGS -q ${compare_slowed}
  STDOUT "^REGRESSION: [^\n]*\n$")
smp_stdout_test(quiet_enhanced_prints_nothing ARGS -q enhanced ${one_case} --output-dir ${TERM_SCRATCH}/quiet
  FORBID_STDOUT ".")
smp_stdout_test(quiet_keeps_an_explicit_format STATUS 1 ARGS -q --format csv ${compare_slowed} STDOUT "^scope,")

# ---- colours ----------------------------------------------------------------------

smp_stdout_test(colour_always STATUS 1 ARGS --color always ${compare_slowed} COLOUR ON)
smp_stdout_test(colour_never_on_a_terminal STATUS 1 TTY ARGS --color never ${compare_slowed} COLOUR OFF)
smp_stdout_test(colour_auto_on_a_terminal STATUS 1 TTY ARGS ${compare_slowed} COLOUR ON)
smp_stdout_test(colour_auto_off_a_terminal STATUS 1 ARGS ${compare_slowed} COLOUR OFF)
smp_stdout_test(no_color_on_a_terminal STATUS 1 TTY ENV NO_COLOR=1 ARGS ${compare_slowed} COLOUR OFF)
smp_stdout_test(always_outranks_no_color STATUS 1 ENV NO_COLOR=1 ARGS --colour always ${compare_slowed} COLOUR ON)
smp_stdout_test(rejects_unknown_colour STATUS 2 ARGS --color sometimes ${compare_slowed} STDERR "--color")

# ---- --list and --filter-out -------------------------------------------------------

smp_stdout_test(enhanced_list ARGS enhanced --list --output-dir ${TERM_SCRATCH}/never_written
  STDOUT "^Scopes\nCase +Scope +FLOP/call +Bytes/call +FLOP/byte\n"
         "\n +4  MatMul_512x512 +2\\.684e\\+08 +3\\.146e\\+06 +85\\.33\n +4  MatMul_Iteration +2\\.684e\\+08 "
         "\n +[0-9]+  Model_Small_Inference +— +— +—\n"
  FORBID_FILES ${TERM_SCRATCH}/never_written)
smp_stdout_test(run_list ARGS run --list --filter GELU --output-dir ${TERM_SCRATCH}/never_written_run
  STDOUT "\n +4  GELU_1000000 " FORBID_STDOUT "MatMul" FORBID_FILES ${TERM_SCRATCH}/never_written_run)
smp_stdout_test(quiet_keeps_the_list ARGS -q enhanced --list --filter Softmax STDOUT "^Scopes\n")
smp_stdout_test(list_as_csv ARGS --format csv enhanced --list --filter "^TensorAdd"
  STDOUT "^case,scope,flop_per_call,bytes_per_call,arithmetic_intensity\r\n1,TensorAdd_10000,10000,120000,")
smp_stdout_test(list_refuses_json STATUS 2 ARGS --format json enhanced --list STDERR "--format json")
smp_stdout_test(filter_out_drops_cases ARGS enhanced --list --filter-out "MatMul|Model|Tensor|Broadcast|Softmax"
  STDOUT "  GELU_1000 " FORBID_STDOUT "MatMul|Model_|Softmax")
smp_stdout_test(filter_out_after_filter ARGS enhanced --list --filter GELU --filter-out "GELU_1000000"
  STDOUT "  GELU_100000 " FORBID_STDOUT "GELU_1000000")
smp_stdout_test(filter_out_measures ARGS enhanced --processes 1 --repetitions 1 --no-peak --filter "^GELU_1000+$"
                                     --filter-out "GELU_10000$" --output-dir ${TERM_SCRATCH}/filter_out
  STDOUT "\nGELU_1000 " "\nGELU_100000 " "\nGELU_1000000 " FORBID_STDOUT "\nGELU_10000 +1 ")
smp_stdout_test(filter_out_leaving_nothing STATUS 2 ARGS enhanced --filter-out . STDERR "--filter-out leaves no case")
smp_stdout_test(invalid_filter_out STATUS 2 ARGS enhanced --filter-out "Mat(Mul" STDERR "--filter-out 'Mat\\(Mul' is not a valid")

# ---- thresholds ------------------------------------------------------------------------

smp_stdout_test(threshold_with_percent_sign ARGS --format csv ${compare_slowed} --threshold 30%
  STDOUT "\r\nMatMul_128x128,[^\r]*,30,unchanged\r\n" STDERR "(^|\n)PASS[^\n]*threshold 30\\.0%")
smp_stdout_test(threshold_for_one_scope ARGS --format csv ${compare_slowed} --threshold-for MatMul_128x128=30%
  STDOUT "\r\nMatMul_128x128,[^\r]*,30,unchanged\r\n" "\r\nGELU_1000,[^\r]*,10,unchanged\r\n" STDERR "(^|\n)PASS")
smp_stdout_test(threshold_for_is_repeatable STATUS 1 ARGS --format csv ${compare_slowed}
                                             --threshold-for GELU_1000=2 --threshold-for MatMul_128x128=20
  STDOUT "\r\nMatMul_128x128,[^\r]*,20,regressed\r\n" "\r\nGELU_1000,[^\r]*,2,unchanged\r\n")
smp_stdout_test(rejects_bad_threshold_for STATUS 2 ARGS ${compare_slowed} --threshold-for MatMul_128x128=lots
  STDERR "--threshold-for 'MatMul_128x128=lots'")
smp_stdout_test(rejects_bad_percent STATUS 2 ARGS ${compare_slowed} --threshold 5%% STDERR "--threshold")

# ---- -v ----------------------------------------------------------------------------------

smp_stdout_test(verbose_gate_decisions STATUS 1 ARGS -v ${compare_slowed}
  STDERR "\\[debug\\] gate: Welch t on process medians[^\n]*\n.*\\[debug\\] gate: MatMul_128x128: [^\n]*ratio 1\\.2[0-9]+, interval \\[1\\.[0-9]+, 1\\.[0-9]+\\], p [^\n]*Holm p [^\n]*threshold 10%: regressed")
smp_stdout_test(verbose_cases ARGS -v enhanced ${one_case} --output-dir ${TERM_SCRATCH}/verbose
  STDERR "\\[debug\\] repetition 1: case GELU_1000 \\(2 scopes\\)")

# ---- --help ---------------------------------------------------------------------------------

smp_stdout_test(enhanced_help_defaults ARGS enhanced --help
  STDOUT "--seed UINT:UINT64=42 " "--output-dir TEXT:PATH=\\. " "--processes INT:INT in \\[1 - 1000\\]=5\n"
         "--repetitions INT:INT in \\[1 - 100000\\]=4 \\(--quick: 1\\)"
         "Exit status: 0 success, 2 usage error or invalid input [^\n]*, 3 internal error\\."
  FORBID_STDOUT "=\\[\\]|regression gate failed")
smp_stdout_test(alloc_help_defaults ARGS alloc --help
  STDOUT "--iterations INT:INT in \\[1 - 100000\\]=100\n" "--pool TEXT:{on,off,both}=both\n" "3 internal error\\."
  FORBID_STDOUT "regression gate failed")
smp_stdout_test(compare_help ARGS compare --help
  STDOUT "--gate time\\|alloc\\|time,alloc=time\n" "--threshold FLOAT:PERCENT=10\n" "--threshold-for TEXT "
         "Exit status: 0 success \\(the gate passed, or --report-only\\), 1 a regression gate failed, 2 [^\n]*, 3 internal error\\."
  FORBID_STDOUT "TEXT:{time,alloc")
smp_stdout_test(ab_help ARGS ab --help STDOUT "--threshold FLOAT:PERCENT=3 " "--rounds INT:INT in \\[2 - 10000\\]=40\n"
                                             "1 a regression gate failed")
smp_stdout_test(run_help ARGS run --help STDOUT "--list " "--filter-out TEXT " "1 a regression gate failed"
                                               "share/smallmind-prof/baselines")
smp_stdout_test(tool_help ARGS --help
  STDOUT "--format console\\|md\\|json\\|csv=console\n" "--color,--colour auto\\|always\\|never=auto\n"
         "1 a regression gate failed \\(compare, ab, run\\)" "3 internal error\\.")

# ---- installed -------------------------------------------------------------------------------

add_test(NAME cli.terminal.installed_binary_runs_from_elsewhere
         COMMAND ${CMAKE_COMMAND} -DBUILD_DIR=${CMAKE_BINARY_DIR} -DPREFIX=${TERM_SCRATCH}/prefix
                 -DWORK=${TERM_SCRATCH}/elsewhere -DMAN_PAGE=${CMAKE_BINARY_DIR}/smallmind-prof.1
                 "-DEMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR}" -P ${CMAKE_CURRENT_LIST_DIR}/installed.cmake)
