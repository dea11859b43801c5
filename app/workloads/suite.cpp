#include "app/workloads/suite.hpp"

#include <algorithm>
#include <chrono>

#include <spdlog/spdlog.h>

#include "report/common/errors.hpp"

namespace smp::app {
namespace {

using NameFilter = std::function<bool(const std::string&)>;

bool any_name_matches(const SuiteCase& suite_case, const NameFilter& filter) {
  return std::any_of(suite_case.scope_names.begin(), suite_case.scope_names.end(), filter);
}

// A case is kept or dropped whole: its scopes measure one piece of work.
void keep_matching(std::vector<SuiteCase>& cases, const NameFilter& filter, bool keep) {
  if (!filter) return;
  std::erase_if(cases, [&](const SuiteCase& suite_case) { return any_name_matches(suite_case, filter) != keep; });
}

}  // namespace

SuitePlan plan_suite(const SuiteOptions& options) {
  SuitePlan plan;
  plan.repetitions = options.repetitions;
  plan.cases = kernel_cases(options.seed);
  for (SuiteCase& model_case : model_cases(options.seed, options.decode, plan.models)) {
    plan.cases.push_back(std::move(model_case));
  }
  keep_matching(plan.cases, options.filter, true);
  if (plan.cases.empty()) throw UsageError("--filter matches no scope of the suite");
  keep_matching(plan.cases, options.filter_out, false);
  if (plan.cases.empty()) throw UsageError("--filter-out leaves no case of the suite to run");
  for (const report::InjectedSlowdown& slowdown : options.slowdowns) {
    const bool recorded = std::any_of(plan.cases.begin(), plan.cases.end(), [&](const SuiteCase& suite_case) {
      return std::find(suite_case.scope_names.begin(), suite_case.scope_names.end(), slowdown.scope) !=
             suite_case.scope_names.end();
    });
    if (!recorded) throw UsageError("--inject-slowdown " + slowdown.scope + ": no selected case records that scope");
  }
  plan.slowdowns = options.slowdowns;
  return plan;
}

SuiteResult run_suite(const SuitePlan& plan, const SuiteProgress& progress) {
  SuiteResult result;
  result.models = plan.models;
  const std::vector<SuiteCase>& cases = plan.cases;
  report::Profiler profiler;
  // A turn of the lock step follows either this process's own last turn or
  // the other side's, whose data then fill the caches; a short case's time
  // depends on which (MatMul_64x64 by about 10 % either way, AMD EPYC VM).
  // A rehearsal first in the turn makes every timed run of such a case start
  // from this process's own state: its buffers and the profiler's own scope
  // nodes. A separate profiler for that run warmed only the buffers; the
  // nodes, left cold by the other side, made GELU_1000 and Softmax_256 half
  // as slow again (2-core AMD EPYC VM) and their times far noisier.
  const auto take_turn = [&](const SuiteCase* suite_case) {
    if (!plan.wait_for_turn) return;
    plan.wait_for_turn();
    if (suite_case != nullptr && suite_case->warm_in_turn) profiler.rehearse([&] { suite_case->run(profiler); });
  };
  take_turn(nullptr);
  result.scope_overhead_ns = profiler.calibrate_overhead_ns();
  profiler.inject_slowdowns(plan.slowdowns);

  // One untimed pass first: caches, page faults and grow-once buffers settle.
  progress(0, plan.repetitions);
  for (const SuiteCase& suite_case : cases) {
    take_turn(&suite_case);
    suite_case.run(profiler);
  }
  profiler.discard_recording();

  const auto start = std::chrono::steady_clock::now();
  for (int repetition = 1; repetition <= plan.repetitions; ++repetition) {
    progress(repetition, plan.repetitions);
    for (const SuiteCase& suite_case : cases) {
      // Between cases, outside every scope: no scope's time includes it.
      spdlog::debug("repetition {}: case {} ({} scopes)", repetition, suite_case.scope_names.front(),
                    suite_case.scope_names.size());
      take_turn(&suite_case);
      suite_case.run(profiler);
    }
    profiler.end_repetition();
  }
  result.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  result.scopes = profiler.records();
  return result;
}

}  // namespace smp::app
