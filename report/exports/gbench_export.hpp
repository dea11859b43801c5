#pragma once
// Google Benchmark JSON (json_schema_version 1) of a profile, for its own
// tools/compare.py. Each scope is a benchmark family: one "iteration" run per
// repetition (iterations = the scope's calls per repetition, times per call
// in ns, see per_call.hpp) and, with two or more repetitions, the
// mean/median/stddev/cv aggregates Google Benchmark writes.
//
// cpu_time repeats real_time, and the context says so: reading the thread's
// CPU clock (clock_gettime(CLOCK_THREAD_CPUTIME_ID), a system call under KVM:
// 169 ns a read on the Intel Xeon baseline machine) at each scope's entry and
// exit took the profiler's measured overhead per scope from 26 ns to 361 ns.
//
// Its per-repetition rows share their scope's name, as Google Benchmark's do,
// so github-action-benchmark's `googlecpp` reader sees duplicates and charts
// the aggregates as times: that dashboard reads the github export instead.
#include <string>

#include "report/records/records.hpp"

namespace smp::report {

std::string profile_to_gbench_json(const ProfileRecord& profile);

}  // namespace smp::report
