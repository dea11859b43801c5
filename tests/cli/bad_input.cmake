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
smp_compare_test(bad_out_is_device STATUS 2 STDERR "/dev/full: output path is not a regular file"
  ARGS compare ${CMP_GOOD} /dev/full)

# ---- disk full: a write fails part-way; the previous report stays, no temporary is left
smp_compare_test(disk_full PREFIX enhanced STATUS 2 STDERR "enhanced-profile-report.md: cannot write: File too large"
  LAUNCHER ${FULL_DISK} ARGS ${TINY_ENHANCED} ${BAD_SCRATCH}/enhanced_full
  COPY_FROM ${CMP_CASE_A}/previous.md COPY_TO ${BAD_SCRATCH}/enhanced_full/enhanced-profile-report.md
  UNTOUCHED ${BAD_SCRATCH}/enhanced_full/enhanced-profile-report.md
  FORBID_FILES ${BAD_SCRATCH}/enhanced_full/enhanced-profile-report.json NO_TEMPORARIES ${BAD_SCRATCH}/enhanced_full)
smp_compare_test(bad_disk_full STATUS 2 STDERR "out.md: cannot write: File too large"
  LAUNCHER ${FULL_DISK} ARGS compare ${CMP_GOOD} ${BAD_SCRATCH}/compare_full/out.md
  COPY_FROM ${CMP_CASE_B}/expected-comparison.md COPY_TO ${BAD_SCRATCH}/compare_full/out.md
  UNTOUCHED ${BAD_SCRATCH}/compare_full/out.md NO_TEMPORARIES ${BAD_SCRATCH}/compare_full)

# ---- interrupted run: SIGINT or SIGTERM while measuring -----------------------------
foreach(signal INT TERM)
  add_test(NAME cli.enhanced_interrupted_by_sig${signal}
           COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/interrupted_enhanced.sh $<TARGET_FILE:smallmind-prof> ${signal}
                   ${BAD_SCRATCH}/interrupted_${signal})
  set_tests_properties(cli.enhanced_interrupted_by_sig${signal} PROPERTIES TIMEOUT 300)
endforeach()
