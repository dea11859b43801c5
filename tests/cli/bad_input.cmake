# The bad-input matrix rows not covered next to their command's other tests
# (enhanced.cmake, compare_tests.cmake, CMakeLists.txt): each is exit 2 with one
# line on stderr, nothing written or left behind, and no input changed. The
# README's "Bad input" table lists every row.
set(BAD_SCRATCH ${CMAKE_CURRENT_BINARY_DIR}/bad-input)
set(FULL_DISK ${CMAKE_CURRENT_SOURCE_DIR}/with_full_disk.sh)
# The smallest real enhanced and alloc runs, for rows that fail when writing.
set(TINY_ENHANCED -q enhanced --repetitions 1 --no-peak --filter Softmax --output-dir)
set(TINY_ALLOC -q alloc --iterations 1 --steps 1 --repetitions 1 --output-dir)

# ---- option values ------------------------------------------------------------
smp_rejects_option(enhanced unknown_isa --isa mmx)
smp_rejects_option(enhanced negative_threads --threads -1)
smp_rejects_option(enhanced non_numeric_threads --threads some)
smp_rejects_option(enhanced overflowing_threads --threads 99999999999)
smp_rejects_option(enhanced negative_seed --seed -1)
smp_rejects_option(enhanced non_numeric_seed --seed lucky)
smp_rejects_option(enhanced overflowing_seed --seed 99999999999999999999999)
smp_rejects_option(alloc overflowing_steps --steps 99999999999999999999)

set(CMP_GOOD ${CMP_CASE_A}/previous.md ${CMP_CASE_A}/current.md)
foreach(row "negative_threshold;--threshold;-5" "non_numeric_threshold;--threshold;lots"
            "nan_threshold;--threshold;nan" "infinite_threshold;--threshold;inf"
            "negative_alloc_threshold;--alloc-threshold;-1" "zero_alpha;--alpha;0"
            "unknown_fail_on;--fail-on;regression")
  list(GET row 0 case)
  list(GET row 1 option)
  list(GET row 2 value)
  smp_compare_test(bad_${case} STATUS 2 STDERR "${option}"
    ARGS compare ${CMP_GOOD} ${BAD_SCRATCH}/compare_${case}/out.md ${option} ${value}
    FORBID_FILES ${BAD_SCRATCH}/compare_${case}/out.md MAKE_DIRS ${BAD_SCRATCH}/compare_${case})
endforeach()

# ---- output directories -------------------------------------------------------
# procfs refuses new files and directories to every user, root included.
smp_compare_test(unwritable_output_dir PREFIX enhanced STATUS 2 STDERR "/proc: output directory is not writable"
  ARGS enhanced --quick --no-peak --output-dir /proc)
smp_compare_test(uncreatable_output_dir PREFIX alloc STATUS 2
  STDERR "/proc/smallmind-prof/out: cannot create output directory"
  ARGS alloc --output-dir /proc/smallmind-prof/out)
smp_compare_test(unwritable_output_dir PREFIX run STATUS 2 STDERR "/proc: output directory is not writable"
  ARGS run --quick --no-peak --no-baseline --output-dir /proc)
smp_compare_test(device_as_output_dir PREFIX enhanced STATUS 2 STDERR "/dev/full: output directory is an existing file"
  ARGS enhanced --quick --no-peak --output-dir /dev/full)

# ---- output paths ---------------------------------------------------------------
# A report's name taken by a directory stops the run before its first file.
smp_compare_test(report_path_is_directory PREFIX enhanced STATUS 2
  STDERR "enhanced-profile-report.json: output path is a directory"
  ARGS ${TINY_ENHANCED} ${BAD_SCRATCH}/enhanced_taken
  MAKE_DIRS ${BAD_SCRATCH}/enhanced_taken/enhanced-profile-report.json
  FORBID_FILES ${BAD_SCRATCH}/enhanced_taken/enhanced-profile-report.md NO_TEMPORARIES ${BAD_SCRATCH}/enhanced_taken)
smp_starts_measuring_processes(cli.enhanced.report_path_is_directory)
smp_compare_test(report_path_is_directory PREFIX alloc STATUS 2
  STDERR "allocation-profile.json: output path is a directory"
  ARGS ${TINY_ALLOC} ${BAD_SCRATCH}/alloc_taken
  MAKE_DIRS ${BAD_SCRATCH}/alloc_taken/allocation-profile.json
  FORBID_FILES ${BAD_SCRATCH}/alloc_taken/allocation-profile.txt NO_TEMPORARIES ${BAD_SCRATCH}/alloc_taken)
smp_compare_test(bad_out_is_directory STATUS 2 STDERR "${BAD_SCRATCH}/out_dir/out.md: output path is a directory"
  ARGS compare ${CMP_GOOD} ${BAD_SCRATCH}/out_dir/out.md MAKE_DIRS ${BAD_SCRATCH}/out_dir/out.md)
smp_compare_test(bad_json_is_prev STATUS 2 STDERR "prev.md: output would overwrite the input"
  ARGS compare ${BAD_SCRATCH}/json_is_prev/prev.md ${CMP_CASE_A}/current.md ${BAD_SCRATCH}/json_is_prev/out.md
       --json ${BAD_SCRATCH}/json_is_prev/prev.md
  COPY_FROM ${CMP_CASE_A}/previous.md COPY_TO ${BAD_SCRATCH}/json_is_prev/prev.md
  FORBID_FILES ${BAD_SCRATCH}/json_is_prev/out.md UNTOUCHED ${BAD_SCRATCH}/json_is_prev/prev.md)
smp_compare_test(bad_summary_is_out STATUS 2 STDERR "out.md: is given for two different outputs"
  ARGS compare ${CMP_GOOD} ${BAD_SCRATCH}/summary_is_out/out.md
       --markdown-summary ${BAD_SCRATCH}/summary_is_out/out.md
  FORBID_FILES ${BAD_SCRATCH}/summary_is_out/out.md MAKE_DIRS ${BAD_SCRATCH}/summary_is_out)
# The atomic rename would replace the device with a regular file: refused.
smp_compare_test(bad_out_is_device STATUS 2 STDERR "/dev/full: is under /dev, /proc or /sys"
  ARGS compare ${CMP_GOOD} /dev/full)

# ---- disk full: a write fails part-way; the previous report stays, no temporary is left
smp_compare_test(disk_full PREFIX enhanced STATUS 2 STDERR "enhanced-profile-report.md: cannot write: File too large"
  LAUNCHER ${FULL_DISK} ARGS ${TINY_ENHANCED} ${BAD_SCRATCH}/enhanced_full
  COPY_FROM ${CMP_CASE_A}/previous.md COPY_TO ${BAD_SCRATCH}/enhanced_full/enhanced-profile-report.md
  UNTOUCHED ${BAD_SCRATCH}/enhanced_full/enhanced-profile-report.md
  FORBID_FILES ${BAD_SCRATCH}/enhanced_full/enhanced-profile-report.json NO_TEMPORARIES ${BAD_SCRATCH}/enhanced_full)
smp_starts_measuring_processes(cli.enhanced.disk_full)
smp_compare_test(bad_disk_full STATUS 2 STDERR "out.md: cannot write: File too large"
  LAUNCHER ${FULL_DISK} ARGS compare ${CMP_GOOD} ${BAD_SCRATCH}/compare_full/out.md
  COPY_FROM ${CMP_CASE_B}/expected-comparison.md COPY_TO ${BAD_SCRATCH}/compare_full/out.md
  UNTOUCHED ${BAD_SCRATCH}/compare_full/out.md NO_TEMPORARIES ${BAD_SCRATCH}/compare_full)

# ---- interrupted run: SIGINT or SIGTERM while measuring -----------------------------
foreach(signal INT TERM)
  add_test(NAME cli.enhanced_interrupted_by_sig${signal}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/interrupted_enhanced.sh ${SMP_EXE} ${signal}
                   ${BAD_SCRATCH}/interrupted_${signal})
  set_tests_properties(cli.enhanced_interrupted_by_sig${signal} PROPERTIES TIMEOUT 300)
endforeach()

# ---- outputs never clobber --------------------------------------------------------
# /dev/stdout is a link into /proc: as root, a rename would replace the link.
smp_compare_test(out_is_dev_stdout STATUS 2 STDERR "/dev/stdout: is under /dev, /proc or /sys"
  ARGS compare ${CMP_GOOD} /dev/stdout)
smp_compare_test(json_is_dev_stderr STATUS 2 STDERR "/dev/stderr: is under /dev, /proc or /sys"
  ARGS compare ${CMP_GOOD} ${BAD_SCRATCH}/dev_stderr/out.md --json /dev/stderr
  FORBID_FILES ${BAD_SCRATCH}/dev_stderr/out.md MAKE_DIRS ${BAD_SCRATCH}/dev_stderr)
# `-` is standard output for every output option; the verdict then goes to stderr.
smp_compare_test(out_is_stdout STATUS 0 STDOUT "^# Profile Comparison"
  ARGS compare ${CMP_GOOD} - --report-only)
smp_compare_test(json_is_stdout STATUS 0 STDOUT "^{\n  \"gate\": {"
  ARGS compare ${CMP_GOOD} ${BAD_SCRATCH}/json_stdout/out.md --json - --report-only
  EXPECT_FILES ${BAD_SCRATCH}/json_stdout/out.md MAKE_DIRS ${BAD_SCRATCH}/json_stdout)
smp_compare_test(two_outputs_on_stdout STATUS 2 STDERR "-: is given for two different outputs"
  ARGS compare ${CMP_GOOD} - --markdown-summary -)
# A file name of 248 bytes is valid although `.NAME.tmp-XXXXXX` would not be.
string(REPEAT "n" 245 long_name)
smp_compare_test(long_output_name STATUS 0
  ARGS compare ${CMP_GOOD} ${BAD_SCRATCH}/long_name/${long_name}.md --report-only
  EXPECT_FILES ${BAD_SCRATCH}/long_name/${long_name}.md MAKE_DIRS ${BAD_SCRATCH}/long_name
  NO_TEMPORARIES ${BAD_SCRATCH}/long_name)
# Refused before measuring or after, a command leaves no empty directory behind.
smp_compare_test(bad_isa_leaves_no_directory PREFIX enhanced STATUS 2 STDERR "SMALLMIND_ISA=mmx"
  LAUNCHER ${CMAKE_CURRENT_SOURCE_DIR}/with_bad_isa.sh ARGS ${TINY_ENHANCED} ${BAD_SCRATCH}/bad_isa/out
  FORBID_FILES ${BAD_SCRATCH}/bad_isa/out)
smp_compare_test(bad_isa_leaves_no_directory PREFIX run STATUS 2 STDERR "SMALLMIND_ISA=mmx"
  LAUNCHER ${CMAKE_CURRENT_SOURCE_DIR}/with_bad_isa.sh
  ARGS -q run --repetitions 1 --no-peak --filter Softmax --no-baseline --output-dir ${BAD_SCRATCH}/bad_isa_run/out
  FORBID_FILES ${BAD_SCRATCH}/bad_isa_run/out)
smp_compare_test(not_our_results_directory PREFIX run STATUS 2 STDERR "is not empty and not a results directory of ours"
  ARGS -q run --quick --no-peak --no-baseline --output-dir ${BAD_SCRATCH}/not_ours
  COPY_FROM ${CMP_CASE_A}/previous.md COPY_TO ${BAD_SCRATCH}/not_ours/README.md
  UNTOUCHED ${BAD_SCRATCH}/not_ours/README.md)

# ---- messages ---------------------------------------------------------------------
# An empty path is an error everywhere, never the same as leaving the option out.
foreach(row "prev;compare;@EMPTY@;${CMP_CASE_A}/current.md;${BAD_SCRATCH}/empty_path/out.md"
            "json;compare;${CMP_GOOD};${BAD_SCRATCH}/empty_path/out.md;--json;@EMPTY@"
            "summary;compare;${CMP_GOOD};${BAD_SCRATCH}/empty_path/out.md;--markdown-summary;@EMPTY@"
            "baseline;run;--quick;--baseline;@EMPTY@" "output_dir;enhanced;--quick;--output-dir;@EMPTY@"
            "run_output_dir;run;--quick;--output-dir;@EMPTY@")
  list(POP_FRONT row case)
  smp_compare_test(empty_${case}_path PREFIX messages STATUS 2 STDERR "the file name is empty"
    LAUNCHER ${CMAKE_CURRENT_SOURCE_DIR}/with_empty_arguments.sh
    ARGS ${row} FORBID_FILES ${BAD_SCRATCH}/empty_path/out.md MAKE_DIRS ${BAD_SCRATCH}/empty_path)
endforeach()
# With no command: one line naming the commands (help is --help's, on stdout).
smp_compare_test(no_command PREFIX messages STATUS 2 STDERR "no command given" ARGS -q)
smp_compare_test(unexpected_words_in_order PREFIX messages STATUS 2
  STDERR "The following arguments were not expected: four five"
  ARGS compare one two three four five)
file(WRITE ${BAD_SCRATCH}/inputs/array.json "[{\"name\": \"MatMul\"}]\n")
smp_compare_test(json_array_input PREFIX messages STATUS 2 STDERR "array.json: is a JSON array, not a report"
  ARGS compare ${BAD_SCRATCH}/inputs/array.json ${CMP_CASE_A}/current.md ${BAD_SCRATCH}/inputs/out.md
  FORBID_FILES ${BAD_SCRATCH}/inputs/out.md)
file(READ ${CMP_CASE_A}/current.md case_a_current)
string(REGEX REPLACE "\\| `MatMul_128x128` \\| 20.00 \\|" "| `MatMul_128x128` | 1e999 |" huge_time "${case_a_current}")
file(WRITE ${BAD_SCRATCH}/inputs/huge_time.md "${huge_time}")
smp_compare_test(out_of_range_time PREFIX messages STATUS 2 STDERR "time '1e999' is out of range"
  ARGS compare ${CMP_CASE_A}/previous.md ${BAD_SCRATCH}/inputs/huge_time.md ${BAD_SCRATCH}/inputs/out.md
  FORBID_FILES ${BAD_SCRATCH}/inputs/out.md)

# ---- no input hangs or crashes ------------------------------------------------------
# 20,000 nested groups overflowed std::regex's recursion (exit 139); RE2 has none.
string(REPEAT "(" 20000 open_groups)
string(REPEAT ")" 20000 close_groups)
smp_compare_test(deeply_nested_filter PREFIX enhanced STATUS 2 STDERR "--filter matches no scope"
  ARGS enhanced --quick --filter "${open_groups}zzz${close_groups}" --output-dir ${BAD_SCRATCH}/nested_filter
  FORBID_FILES ${BAD_SCRATCH}/nested_filter)
# Nested repetition backtracks exponentially in std::regex; RE2 is linear.
smp_compare_test(backtracking_filter PREFIX enhanced STATUS 2 STDERR "--filter matches no scope"
  ARGS enhanced --quick --filter "^(([A-Za-z_0-9]*)*)*!$" --output-dir ${BAD_SCRATCH}/backtracking_filter
  FORBID_FILES ${BAD_SCRATCH}/backtracking_filter)
# A pattern whose compiled form would be huge is refused, exit 2 as any invalid one.
smp_compare_test(oversized_filter PREFIX run STATUS 2 STDERR "is not a valid regular expression: invalid repetition size"
  ARGS run --quick --no-baseline --filter "((x{1000}){1000}){1000}" --output-dir ${BAD_SCRATCH}/huge_filter
  FORBID_FILES ${BAD_SCRATCH}/huge_filter)

# ---- hostile names: one line on the terminal, no escape sequence -------------------------
file(WRITE ${BAD_SCRATCH}/inputs/hostile.json
  "{\"schema_version\": 1, \"scopes\": [{\"name\": \"x\\n\\u001b[31my\", \"time_ms\": 1},
     {\"name\": \"x\\n\\u001b[31my\", \"time_ms\": 2}]}\n")
smp_compare_test(hostile_name_in_error PREFIX messages STATUS 2 STDERR "repeats the scope name `x"
  ARGS compare ${BAD_SCRATCH}/inputs/hostile.json ${CMP_CASE_A}/current.md ${BAD_SCRATCH}/inputs/out.md
  FORBID_FILES ${BAD_SCRATCH}/inputs/out.md)
