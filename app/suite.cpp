#include "suite.hpp"

#include <algorithm>
#include <chrono>

namespace smp::app {
namespace {

bool selected(const SuiteCase& suite_case, const std::optional<std::regex>& filter) {
  if (!filter) return true;
  return std::any_of(suite_case.scope_names.begin(), suite_case.scope_names.end(),
                     [&](const std::string& name) { return std::regex_search(name, *filter); });
}

}  // namespace

SuiteResult run_suite(const SuiteOptions& options, const SuiteProgress& progress) {
  SuiteResult result;
  std::vector<SuiteCase> cases = kernel_cases(options.seed);
  for (SuiteCase& model_case : model_cases(options.seed, options.decode, result.models)) {
    cases.push_back(std::move(model_case));
  }
  std::erase_if(cases, [&](const SuiteCase& suite_case) { return !selected(suite_case, options.filter); });

  report::Profiler profiler;
  result.scope_overhead_ns = profiler.calibrate_overhead_ns();

  // One untimed pass first: caches, page faults and grow-once buffers settle.
  progress(0, options.repetitions);
  for (const SuiteCase& suite_case : cases) suite_case.run(profiler);
  profiler.discard_recording();

  const auto start = std::chrono::steady_clock::now();
  for (int repetition = 1; repetition <= options.repetitions; ++repetition) {
    progress(repetition, options.repetitions);
    for (const SuiteCase& suite_case : cases) suite_case.run(profiler);
    profiler.end_repetition();
  }
  result.wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  result.scopes = profiler.records();
  return result;
}

}  // namespace smp::app
