#pragma once
// The enhanced suite: SmallMind CodeProfiler's 29 scopes (SIMD kernels, tensor
// ops, a Small and a Medium GPT generating 25 tokens), repeated for statistics.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "report/measure/profiler.hpp"
#include "report/records/records.hpp"
#include "report/common/workload.hpp"

namespace smp::app {

enum class DecodeMode { full_context, kv_cache };

struct SuiteOptions {
  int repetitions = 10;
  std::function<bool(const std::string&)> filter;      // when set, runs the cases with a scope name it accepts
  std::function<bool(const std::string&)> filter_out;  // when set, drops the cases with a scope name it accepts
  std::uint64_t seed = kDefaultSeed;
  DecodeMode decode = DecodeMode::full_context;
  std::vector<report::InjectedSlowdown> slowdowns;  // a self-test of the gate
};

// One top-level case of the suite: the scope names it records and how to run it once.
struct SuiteCase {
  std::vector<std::string> scope_names;
  std::function<void(report::Profiler&)> run;
  report::Work work_per_call;  // of one kernel call, each scope's; zero for the model cases (not modelled)
  // In ab's lock step, rehearsed at the start of each turn (see run_suite).
  bool warm_in_turn = false;
};

struct SuiteResult {
  std::vector<report::ScopeRecord> scopes;
  std::vector<report::ModelInfo> models;
  double wall_ms = 0.0;            // the measured repetitions, end to end
  double scope_overhead_ns = 0.0;  // measured cost of one scope enter+exit
};

// Progress callback: (repetition index, 0 = warm-up, total repetitions).
using SuiteProgress = std::function<void(int, int)>;

// The selected cases with their inputs built, ready to run.
struct SuitePlan {
  std::vector<SuiteCase> cases;
  std::vector<report::ModelInfo> models;
  int repetitions = 0;
  std::vector<report::InjectedSlowdown> slowdowns;
  // When set, called before the overhead calibration and before every run of
  // a case (warm-up included), outside every scope: ab's lock step. Each
  // case marked warm_in_turn is then rehearsed (run through the profiler,
  // nothing kept) before its timed run.
  std::function<void()> wait_for_turn;
};

// Builds the cases the filters select; UsageError when they select none, or
// when a slowdown names a scope none of them records.
SuitePlan plan_suite(const SuiteOptions& options);
SuiteResult run_suite(const SuitePlan& plan, const SuiteProgress& progress);

// The cases, built once with their inputs (allocated here, outside every scope).
std::vector<SuiteCase> kernel_cases(std::uint64_t seed);
std::vector<SuiteCase> model_cases(std::uint64_t seed, DecodeMode decode, std::vector<report::ModelInfo>& models);

}  // namespace smp::app
