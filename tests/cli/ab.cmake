# ab: interleaved A/B end to end on two copies of the binary, with a tiny
# filter so a round takes a fraction of a second; and every bad input.
set(AB_SCRATCH ${CMAKE_CURRENT_BINARY_DIR}/ab)
set(AB_COPY ${AB_SCRATCH}/copy/smallmind-prof)
set(AB_TINY --rounds 4 --repetitions 1)
# Enough rounds that ab does not warn about its power (for the tests that
# expect one line on stderr) and that a large change is always significant.
set(AB_QUIET_TINY --rounds 8 --repetitions 3)

# 4 rounds, or 8 when the first look was inconclusive and ab took its second
# (seen under qemu-user, whose timings are noisy).
smp_compare_test(two_copies STATUS 0 PREFIX ab STDOUT "^(PASS|INCONCLUSIVE|REGRESSION): .*trimmed paired t on interleaved rounds.* — ab: [48] rounds"
  ARGS ab ${SMP_EXE} ${AB_COPY} ${AB_TINY} --output-dir ${AB_SCRATCH}/copies --report-only -- --filter "GELU_1000$"
  COPY_FROM ${SMP_EXE} COPY_TO ${AB_COPY}
  EXPECT_FILES ${AB_SCRATCH}/copies/ab-comparison.md ${AB_SCRATCH}/copies/ab-comparison.json)
# One side's own arguments: a four-fold slowdown of the candidate is found and
# confirmed; a scope of a few hundred microseconds, so that a preempted round
# of a loaded test machine cannot hide it.
smp_compare_test(injected_slowdown_regresses STATUS 1 PREFIX ab STDOUT "^REGRESSION: 1 regressed.* — ab: 16 rounds"
  ARGS ab ${SMP_EXE} ${SMP_EXE} ${AB_QUIET_TINY} --output-dir ${AB_SCRATCH}/slowed
       "--candidate-args=--inject-slowdown GELU_100000=300" -- --filter "GELU_100000$"
  EXPECT_FILES ${AB_SCRATCH}/slowed/ab-comparison.md)

smp_compare_test(missing_base STATUS 2 PREFIX ab STDERR "base is not an executable file"
  ARGS ab ${AB_SCRATCH}/no-such-binary ${SMP_EXE} --output-dir ${AB_SCRATCH}/missing
  FORBID_FILES ${AB_SCRATCH}/missing/ab-comparison.md)
smp_compare_test(non_executable_candidate STATUS 2 PREFIX ab STDERR "candidate is not an executable file"
  ARGS ab ${SMP_EXE} ${CMAKE_CURRENT_SOURCE_DIR}/CMakeLists.txt --output-dir ${AB_SCRATCH}/not_exe
  FORBID_FILES ${AB_SCRATCH}/not_exe/ab-comparison.md)
smp_compare_test(failing_child STATUS 2 PREFIX ab STDERR "candidate (round 1) exited with status 2"
  ARGS -q ab ${SMP_EXE} ${SMP_EXE} ${AB_QUIET_TINY} --output-dir ${AB_SCRATCH}/failing "--candidate-args=--threads 0"
       -- --filter "GELU_1000$"
  FORBID_FILES ${AB_SCRATCH}/failing/ab-comparison.md)
smp_compare_test(corrupt_child_report STATUS 2 PREFIX ab STDERR "base (round 1) wrote a report that cannot be read"
  ARGS -q ab ${CMAKE_CURRENT_SOURCE_DIR}/corrupt_report_writer.sh ${SMP_EXE} ${AB_QUIET_TINY} --output-dir ${AB_SCRATCH}/corrupt
       -- --filter "GELU_1000$"
  FORBID_FILES ${AB_SCRATCH}/corrupt/ab-comparison.md)
smp_compare_test(unterminated_quote STATUS 2 PREFIX ab STDERR "--base-args: unterminated"
  ARGS ab ${SMP_EXE} ${SMP_EXE} "--base-args=--filter 'GELU" --output-dir ${AB_SCRATCH}/quote)
smp_rejects_option(ab one_round --rounds 1)
