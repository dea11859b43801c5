# enhanced: bad option values, bad output directories, and a small real run.
smp_rejects_option(enhanced zero_repetitions --repetitions 0)
smp_rejects_option(enhanced negative_repetitions --repetitions -2)
smp_rejects_option(enhanced non_numeric_repetitions --repetitions often)
smp_rejects_option(enhanced overflowing_repetitions --repetitions 99999999999999999999)
smp_rejects_option(enhanced zero_threads --threads 0)
smp_rejects_option(enhanced unknown_decode --decode sideways)
smp_rejects_option(enhanced invalid_filter --filter "Mat(Mul")
smp_rejects_option(enhanced unknown_export --export csv)
smp_rejects_option(enhanced negative_turn_fd --turn-fd -3)
# ab's lock-step descriptor must be an open socket of one process.
add_test(NAME cli.enhanced_rejects_turn_fd_not_a_socket
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE} "-DARGS=enhanced;--quick;--no-peak;--processes;1;--turn-fd;999"
                 -DEXPECT_STATUS=2 "-DEXPECT_STDERR=--turn-fd 999 is not an open socket"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_failure.cmake)
add_test(NAME cli.enhanced_rejects_turn_fd_with_processes
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE} "-DARGS=enhanced;--quick;--no-peak;--processes;2;--turn-fd;999"
                 -DEXPECT_STATUS=2 "-DEXPECT_STDERR=--turn-fd needs --processes 1"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_failure.cmake)

add_test(NAME cli.enhanced_rejects_file_as_output_dir
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE}
                 "-DARGS=enhanced;--quick;--no-peak;--output-dir;${CMAKE_CURRENT_SOURCE_DIR}/CMakeLists.txt"
                 -DEXPECT_STATUS=2 "-DEXPECT_STDERR=output directory is an existing file"
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_failure.cmake)
add_test(NAME cli.enhanced_rejects_filter_matching_nothing
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE} "-DARGS=enhanced;--quick;--no-peak;--filter;NoSuchScope"
                 -DEXPECT_STATUS=2 -DEXPECT_STDERR=--filter
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_failure.cmake)

add_test(NAME cli.enhanced_writes_reports
         COMMAND ${CMAKE_COMMAND} -DEXE=${SMP_EXE} -DOUTPUT_DIR=${CMAKE_CURRENT_BINARY_DIR}/enhanced-run/nested
                 "-DARGS=--enhanced;--repetitions;1;--no-peak;--filter;MatMul|Softmax;--export;gbench"
                 "-DFILES=enhanced-profile-report.md;enhanced-profile-report.json;enhanced-profile-report.gbench.json"
                 -DTEXT_FILE=enhanced-profile-report.md
                 "-DTEXT_LINES=# Enhanced Performance Profile Report;## 🔥 Hot Paths (Top 30);`MatMul_512x512`;`Softmax_Iteration`"
                 -DJSON_FILE=enhanced-profile-report.json
                 -P ${CMAKE_CURRENT_SOURCE_DIR}/expect_outputs.cmake)
smp_starts_measuring_processes(cli.enhanced_writes_reports)
