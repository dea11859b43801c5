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
smp_starts_measuring_processes(cli.run_without_baseline_writes_directory)
# Against a report file (not a directory); --report-only, since the fixture was not measured here.
add_test(NAME cli.run_against_report_file_writes_comparison
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE} -DOUTPUT_DIR=${CMAKE_CURRENT_BINARY_DIR}/run-compared
                 "-DARGS=run;${SMP_RUN_TINY};--filter;MatMul_128|GELU_1000;--baseline;${SMP_RUN_DATA}/compare/json/baseline.json;--report-only"
                 "-DFILES=PROFILING_METRICS_SUMMARY.md;README.md;current-vs-baseline-comparison.md;current-vs-baseline-comparison.json;scope-change.svg"
                 -DTEXT_FILE=PROFILING_METRICS_SUMMARY.md
                 "-DTEXT_LINES=## 📊 Key Metrics;## 🎯 Verdict;## ⚠️ Worst Regressions;## 🔍 Findings;](scope-change.svg)"
                 -DJSON_FILE=current-vs-baseline-comparison.json
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_outputs.cmake)
smp_starts_measuring_processes(cli.run_against_report_file_writes_comparison)
# Into a directory that is not a results directory of ours (here: one holding
# the baseline): refused before measuring, the baseline untouched
# (expect_failure checks the one-line error and status).
configure_file(${SMP_RUN_DATA}/compare/json/baseline.json
               ${CMAKE_CURRENT_BINARY_DIR}/run-own-baseline/enhanced-profile-report.json COPYONLY)
add_test(NAME cli.run_rejects_output_over_its_baseline
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE}
                 "-DARGS=run;--quick;--no-peak;--baseline;${CMAKE_CURRENT_BINARY_DIR}/run-own-baseline/enhanced-profile-report.json;--output-dir;${CMAKE_CURRENT_BINARY_DIR}/run-own-baseline"
                 -DEXPECT_STATUS=2 "-DEXPECT_STDERR=is not empty and not a results directory of ours"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_failure.cmake)
# Into a results directory of ours that holds the baseline: it would be replaced whole.
configure_file(${SMP_RUN_DATA}/compare/json/baseline.json
               ${CMAKE_CURRENT_BINARY_DIR}/run-ours-baseline/enhanced-profile-report.json COPYONLY)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/run-ours-baseline/.smallmind-prof-results "")
add_test(NAME cli.run_rejects_results_directory_holding_its_baseline
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE}
                 "-DARGS=run;--quick;--no-peak;--baseline;${CMAKE_CURRENT_BINARY_DIR}/run-ours-baseline;--output-dir;${CMAKE_CURRENT_BINARY_DIR}/run-ours-baseline"
                 -DEXPECT_STATUS=2 "-DEXPECT_STDERR=holds the baseline"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_failure.cmake)

# Per-machine baselines: a missing, malformed or inconsistent index, a save
# that must not become a baseline, or --strict-env against another machine's
# baseline is exit 2 with one line naming the file or option, before anything
# is written.
function(smp_run_refused name message)
  add_test(NAME cli.run_${name}
           COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE} "-DARGS=run;${ARGN};--output-dir;${SMP_RUN_REFUSED_DIR}"
                   -DEXPECT_STATUS=2 "-DEXPECT_STDERR=${message}" -DFORBID_FILE=${SMP_RUN_REFUSED_DIR}
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_failure.cmake)
  set_tests_properties(cli.run_${name} PROPERTIES RESOURCE_LOCK smp_run_refused_dir)
endfunction()
set(SMP_BASELINES_DATA ${SMP_RUN_DATA}/baselines)
set(SMP_RUN_SMALL "--repetitions;1;--processes;2;--no-peak;--filter;Softmax;--iterations;2;--steps;2;--alloc-repetitions;1")
set(SMP_SAVE_REFUSED "--save-baseline;--no-baseline;--baselines-dir;${CMAKE_CURRENT_BINARY_DIR}/refused-baselines")
smp_run_refused(rejects_missing_index "compare/index.json" --quick --no-peak --baselines-dir ${SMP_RUN_DATA}/compare)
smp_run_refused(rejects_malformed_index "malformed/index.json"
                --quick --no-peak --baselines-dir ${SMP_BASELINES_DATA}/malformed)
smp_run_refused(rejects_index_naming_missing_folder "does not exist, though"
                --quick --no-peak --baselines-dir ${SMP_BASELINES_DATA}/missing_folder)
smp_run_refused(save_baseline_refuses_injected_slowdown --inject-slowdown
                ${SMP_RUN_SMALL} --inject-slowdown Softmax_256=10 ${SMP_SAVE_REFUSED})
smp_run_refused(strict_env_refuses_other_machine_baseline "baseline.json: was measured on another machine (Test CPU"
                --quick --no-peak --filter "MatMul_128|GELU_1000" --baseline ${SMP_RUN_DATA}/compare/json/baseline.json
                --strict-env)
# Saving needs a Release build; another build (the sanitizer preset's) is refused.
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  add_test(NAME cli.run_saves_and_picks_machine_baselines
           COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE} "-DARGS=${SMP_RUN_SMALL}"
                   -DBASELINES=${CMAKE_CURRENT_BINARY_DIR}/machine-baselines
                   -DSCRATCH=${CMAKE_CURRENT_BINARY_DIR}/machine-baselines-runs
                   -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_baseline_runs.cmake)
  smp_starts_measuring_processes(cli.run_saves_and_picks_machine_baselines)
else()
  smp_run_refused(save_baseline_refuses_build_type "Release build" ${SMP_RUN_SMALL} ${SMP_SAVE_REFUSED})
endif()
