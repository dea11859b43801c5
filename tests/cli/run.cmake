# run: bad option values and baselines are refused before anything is written;
# a small real run writes the whole results directory.
smp_rejects_option(run zero_repetitions --repetitions 0)
smp_rejects_option(run zero_alloc_repetitions --alloc-repetitions 0)
smp_rejects_option(run unknown_pool_mode --pool maybe)
smp_rejects_option(run unknown_export --export csv)
smp_rejects_option(run negative_threshold --threshold -1)
smp_rejects_option(run alpha_out_of_range --alpha 2)
smp_rejects_option(run invalid_filter --filter "Mat(Mul")

set(SMP_RUN_DATA ${CMAKE_SOURCE_DIR}/tests/data)
set(SMP_RUN_REFUSED_DIR ${CMAKE_CURRENT_BINARY_DIR}/run-refused)
add_test(NAME cli.run_rejects_missing_baseline
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE}
                 "-DARGS=run;--quick;--no-peak;--baseline;/nonexistent/baseline;--output-dir;${SMP_RUN_REFUSED_DIR}"
                 -DEXPECT_STATUS=2 -DEXPECT_STDERR=/nonexistent/baseline -DFORBID_FILE=${SMP_RUN_REFUSED_DIR}
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_failure.cmake)
add_test(NAME cli.run_rejects_invalid_baseline
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE}
                 "-DARGS=run;--quick;--no-peak;--baseline;${SMP_RUN_DATA}/compare/bad/garbage.bin;--output-dir;${SMP_RUN_REFUSED_DIR}"
                 -DEXPECT_STATUS=2 -DEXPECT_STDERR=garbage.bin -DFORBID_FILE=${SMP_RUN_REFUSED_DIR}
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_failure.cmake)
add_test(NAME cli.run_rejects_baseline_with_no_baseline
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE}
                 "-DARGS=run;--baseline;${SMP_RUN_DATA}/compare/json/baseline.json;--no-baseline;--output-dir;${SMP_RUN_REFUSED_DIR}"
                 -DEXPECT_STATUS=2 -DEXPECT_STDERR=--no-baseline -DFORBID_FILE=${SMP_RUN_REFUSED_DIR}
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_failure.cmake)
set_tests_properties(cli.run_rejects_missing_baseline cli.run_rejects_invalid_baseline
                     cli.run_rejects_baseline_with_no_baseline PROPERTIES RESOURCE_LOCK smp_run_refused_dir)

set(SMP_RUN_TINY "--repetitions;3;--no-peak;--iterations;2;--steps;2;--alloc-repetitions;1")
add_test(NAME cli.run_without_baseline_writes_directory
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE} -DOUTPUT_DIR=${CMAKE_CURRENT_BINARY_DIR}/run-alone/nested
                 "-DARGS=run;${SMP_RUN_TINY};--filter;MatMul|Softmax;--no-baseline;--export;github,bencher"
                 "-DFILES=PROFILING_METRICS_SUMMARY.md;README.md;profiling-output.log;enhanced-profile-report.md;enhanced-profile-report.json;enhanced-profile-report.github-benchmark.json;enhanced-profile-report.bencher.json;allocation-profile.txt;allocation-profile.json"
                 -DTEXT_FILE=README.md
                 "-DTEXT_LINES=## 📁 Files;(PROFILING_METRICS_SUMMARY.md);(profiling-output.log);--no-baseline`, so nothing was compared"
                 -DJSON_FILE=enhanced-profile-report.json
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_outputs.cmake)
# Against a report file (not a directory); --report-only, since the fixture was not measured here.
add_test(NAME cli.run_against_report_file_writes_comparison
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE} -DOUTPUT_DIR=${CMAKE_CURRENT_BINARY_DIR}/run-compared
                 "-DARGS=run;${SMP_RUN_TINY};--filter;MatMul_128|GELU_1000;--baseline;${SMP_RUN_DATA}/compare/json/baseline.json;--report-only"
                 "-DFILES=PROFILING_METRICS_SUMMARY.md;README.md;current-vs-baseline-comparison.md;current-vs-baseline-comparison.json;scope-change.svg"
                 -DTEXT_FILE=PROFILING_METRICS_SUMMARY.md
                 "-DTEXT_LINES=## 📊 Key Metrics;## 🎯 Verdict;## ⚠️ Worst Regressions;## 🔍 Findings;](scope-change.svg)"
                 -DJSON_FILE=current-vs-baseline-comparison.json
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_outputs.cmake)
# Into a directory that is not a results directory of ours (here: one holding
# the baseline): refused before measuring, the baseline untouched
# (expect_failure checks the one-line error and status).
file(COPY ${CMAKE_SOURCE_DIR}/baselines/enhanced-profile-report.json DESTINATION ${CMAKE_CURRENT_BINARY_DIR}/run-own-baseline)
add_test(NAME cli.run_rejects_output_over_its_baseline
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE}
                 "-DARGS=run;--quick;--no-peak;--baseline;${CMAKE_CURRENT_BINARY_DIR}/run-own-baseline/enhanced-profile-report.json;--output-dir;${CMAKE_CURRENT_BINARY_DIR}/run-own-baseline"
                 -DEXPECT_STATUS=2 "-DEXPECT_STDERR=is not empty and not a results directory of ours"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_failure.cmake)
# Into a results directory of ours that holds the baseline: it would be replaced whole.
file(COPY ${CMAKE_SOURCE_DIR}/baselines/enhanced-profile-report.json DESTINATION ${CMAKE_CURRENT_BINARY_DIR}/run-ours-baseline)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/run-ours-baseline/.smallmind-prof-results "")
add_test(NAME cli.run_rejects_results_directory_holding_its_baseline
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE}
                 "-DARGS=run;--quick;--no-peak;--baseline;${CMAKE_CURRENT_BINARY_DIR}/run-ours-baseline;--output-dir;${CMAKE_CURRENT_BINARY_DIR}/run-ours-baseline"
                 -DEXPECT_STATUS=2 "-DEXPECT_STDERR=holds the baseline"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_failure.cmake)
