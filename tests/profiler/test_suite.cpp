#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "app/workloads/suite.hpp"

namespace {

// SmallMind's CodeProfiler --enhanced: 29 scopes and their calls per run.
const std::map<std::string, std::int64_t> kSmallMindScopes = {
    {"MatMul_64x64", 1},           {"MatMul_128x128", 1},          {"MatMul_256x256", 1},
    {"MatMul_512x512", 1},         {"MatMul_Iteration", 12},       {"GELU_1000", 1},
    {"GELU_10000", 1},             {"GELU_100000", 1},             {"GELU_1000000", 1},
    {"GELU_Iteration", 20},        {"Softmax_256", 1},             {"Softmax_512", 1},
    {"Softmax_1024", 1},           {"Softmax_2048", 1},            {"Softmax_Iteration", 20},
    {"TensorAdd_10000", 1},        {"TensorAdd_Iteration", 10},    {"TensorMul_10000", 1},
    {"TensorMul_Iteration", 10},   {"BroadcastAdd_100x100", 1},    {"BroadcastAdd_Iteration", 10},
    {"Model_Small_Creation", 1},   {"Model_Small_Inference", 1},   {"Model_Small_GenerateToken", 25},
    {"Model_Small_Forward", 25},   {"Model_Medium_Creation", 1},   {"Model_Medium_Inference", 1},
    {"Model_Medium_GenerateToken", 25}, {"Model_Medium_Forward", 25}};

void ignore_progress(int, int) {}

}  // namespace

TEST_CASE("the suite records exactly SmallMind's 29 scopes with their call counts", "[suite]") {
  smp::app::SuiteOptions options;
  options.repetitions = 2;
  const auto result = smp::app::run_suite(smp::app::plan_suite(options), ignore_progress);
  std::map<std::string, std::int64_t> calls;
  for (const auto& scope : result.scopes) {
    CHECK(scope.inclusive_ms.size() == 2);
    calls[scope.name] = scope.calls;
  }
  CHECK(calls == kSmallMindScopes);
  REQUIRE(result.models.size() == 2);
  CHECK(result.models[0].parameters == 470528);
  CHECK(result.models[1].parameters == 3454464);
  CHECK(result.wall_ms > 0.0);
}

TEST_CASE("the model forward allocates nothing once the model exists", "[suite][alloc]") {
  smp::app::SuiteOptions options;
  options.repetitions = 1;
  options.filter = [](const std::string& name) { return name.find("Model_Small") != std::string::npos; };
  const auto result = smp::app::run_suite(smp::app::plan_suite(options), ignore_progress);
  for (const auto& scope : result.scopes) {
    INFO(scope.name);
    if (scope.name == "Model_Small_Creation") {
      CHECK(scope.alloc_bytes > 470528 * sizeof(float));
    } else {
      CHECK(scope.alloc_bytes == 0);
    }
  }
}

TEST_CASE("the kv decode mode adds the KV-cache scopes", "[suite]") {
  smp::app::SuiteOptions options;
  options.repetitions = 1;
  options.decode = smp::app::DecodeMode::kv_cache;
  options.filter = [](const std::string& name) { return name.find("Model_Small") != std::string::npos; };
  const auto result = smp::app::run_suite(smp::app::plan_suite(options), ignore_progress);
  std::map<std::string, std::int64_t> calls;
  for (const auto& scope : result.scopes) calls[scope.name] = scope.calls;
  CHECK(calls["Model_Small_Decode"] == 1);
  CHECK(calls["Model_Small_DecodePrefill"] == 1);
  CHECK(calls["Model_Small_DecodeStep"] == 24);
  CHECK(calls.count("Model_Medium_Forward") == 0);
}

TEST_CASE("a lock-stepped suite waits for its turn before the calibration and every run of a case", "[suite]") {
  smp::app::SuiteOptions options;
  options.repetitions = 2;
  options.filter = [](const std::string& name) { return name == "GELU_1000" || name == "Softmax_256"; };
  smp::app::SuitePlan plan = smp::app::plan_suite(options);
  REQUIRE(plan.cases.size() == 2);
  int turns = 0;
  plan.wait_for_turn = [&turns] { ++turns; };
  smp::app::run_suite(plan, ignore_progress);
  // 1 calibration + 2 cases × (1 warm-up + 2 measured repetitions).
  CHECK(turns == 1 + 2 * 3);
}

TEST_CASE("in a lock step each kernel case is also rehearsed in its turn, and only the timed runs are recorded",
          "[suite]") {
  smp::app::SuiteOptions options;
  options.repetitions = 2;
  options.filter = [](const std::string& name) { return name == "GELU_1000" || name == "Model_Small_Creation"; };
  smp::app::SuitePlan plan = smp::app::plan_suite(options);
  REQUIRE(plan.cases.size() == 2);
  const auto alone = smp::app::run_suite(plan, ignore_progress);

  std::map<std::string, int> runs;
  for (smp::app::SuiteCase& suite_case : plan.cases) {
    suite_case.run = [&runs, name = suite_case.scope_names.front(), run = suite_case.run](smp::report::Profiler& p) {
      ++runs[name];
      run(p);
    };
  }
  plan.wait_for_turn = [] {};
  const auto stepped = smp::app::run_suite(plan, ignore_progress);
  // Per case, 3 turns (1 warm-up + 2 measured repetitions); the kernel case runs twice in each.
  REQUIRE(runs.size() == 2);
  for (const auto& [name, count] : runs) CHECK(count == (name == "GELU_1000" ? 2 * 3 : 3));
  REQUIRE(stepped.scopes.size() == alone.scopes.size());
  for (std::size_t i = 0; i < alone.scopes.size(); ++i) {
    INFO(alone.scopes[i].name);
    CHECK(stepped.scopes[i].name == alone.scopes[i].name);
    CHECK(stepped.scopes[i].calls == alone.scopes[i].calls);
    CHECK(stepped.scopes[i].inclusive_ms.size() == 2);
    CHECK(stepped.scopes[i].alloc_bytes == alone.scopes[i].alloc_bytes);
  }
}
