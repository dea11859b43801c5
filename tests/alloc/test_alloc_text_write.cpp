#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "fake_alloc_record.hpp"
#include "report/formats/alloc_text.hpp"

namespace {

// True when every fragment occurs in `text`, each after the one before.
bool in_order(const std::string& text, const std::vector<std::string_view>& fragments, std::string& missing) {
  std::size_t position = 0;
  for (std::string_view fragment : fragments) {
    const std::size_t found = text.find(fragment, position);
    if (found == std::string::npos) {
      missing = std::string(fragment);
      return false;
    }
    position = found + fragment.size();
  }
  return true;
}

}  // namespace

TEST_CASE("the text report has SmallMind's lines in SmallMind's order for each pool mode", "[alloc][text]") {
  const std::string text = smp::report::alloc_to_text(smp::test::fake_record());
  INFO(text);
  std::string missing;
  // SmallMind's lines (seed-run/allocation-profile.txt) with ours in between;
  // every metric appears once per pool mode.
  const std::vector<std::string_view> matmul_run = {
      "Total time: ", "Avg time per iteration: ", "Memory Metrics:", "  Total allocations: ",
      "  Allocations per iteration: ", "  Allocation count: ", "  Peak live heap above loop start: ",
      "  Minor page faults (in place of .NET's Gen0/Gen1/Gen2 collections; C++ has no GC): ",
      "  Major page faults (faults that read from disk): ", "  Buffer pool: ", " rents, ",
      " returns, ", " hits, ", " misses; ", " served from the pool, ", " freshly allocated"};
  std::vector<std::string_view> expected = {"=== SmallMind Allocation Profiler ===", "Compiler: GNU 12.2.0", "ISA path: avx2+fma",
                                            "CPU: Test CPU", "Cores: 2", "Repetitions: 3",
                                            "--- MatMul Backward Pass Allocation Profile ---",
                                            "Matrix dimensions: 128×256 @ 256×128 = 128×128", "Iterations: 100",
                                            "Warm-up iterations before each repetition: 10", "[Pool on]"};
  expected.insert(expected.end(), matmul_run.begin(), matmul_run.end());
  expected.push_back("[Pool off]");
  expected.insert(expected.end(), matmul_run.begin(), matmul_run.end());
  expected.insert(expected.end(), {"Analysis:", "  Expected allocations WITHOUT pooling: 25.00 MB",
                                   "  Expected per iteration: 256.00 KB",
                                   "  Measured WITHOUT pooling: 25.00 MB (256.00 KB per iteration)",
                                   "  Reduction, measured (pool on vs the pool-off run): 100.0%",
                                   "  Estimated reduction (SmallMind's formula: pool on vs expected WITHOUT pooling): 100.0%",
                                   "  ✓ Excellent reduction", "(from the measured reduction)",
                                   "--- Training Workload Allocation Profile ---", "Steps: 50",
                                   "Batch size: 32, Hidden size: 256", "[Pool on]", "Total time: 40.000ms",
                                   "Avg time per step: 0.800ms", "  Total allocations: ", "  Allocations per step: ",
                                   "  Minor page faults", "  Throughput: 40000 samples/sec", "  Buffer pool: ",
                                   "[Pool off]", "  Throughput: 32000 samples/sec", "Analysis:",
                                   "  Expected WITHOUT pooling: 62.50 MB", "  Estimated reduction", "=== Profiling Complete ==="});
  CHECK(in_order(text, expected, missing));
  CHECK(missing == "");
}

TEST_CASE("the text report shows medians with their spread", "[alloc][text]") {
  const std::string text = smp::report::alloc_to_text(smp::test::fake_record());
  CHECK_THAT(text, Catch::Contains("Total time: 11.000ms"));
  CHECK_THAT(text, Catch::Contains("Avg time per iteration: 0.110ms (median of 3 repetitions; MAD 0.010ms, "
                                   "range 0.100–0.120ms)"));
  CHECK_THAT(text, Catch::Contains("  Total allocations: 0.00 MB (0 bytes)"));
  CHECK_THAT(text, Catch::Contains("  Buffer pool: 200 rents, 200 returns, 200 hits, 0 misses"));
}

TEST_CASE("the text report says what a single pool mode cannot tell", "[alloc][text]") {
  auto record = smp::test::fake_record();
  for (auto& workload : record.workloads) workload.runs.pop_back();  // pool on only
  const std::string text = smp::report::alloc_to_text(record);
  CHECK_THAT(text, Catch::Contains("  Measured WITHOUT pooling: not run"));
  CHECK_THAT(text, Catch::Contains("  Reduction, measured (pool on vs the pool-off run): n/a (needs both pool modes)"));
  CHECK_THAT(text, Catch::Contains("(from SmallMind's formula)"));
  CHECK_THAT(text, !Catch::Contains("[Pool off]"));
}

TEST_CASE("the text report warns about an unoptimised build", "[alloc][text]") {
  auto record = smp::test::fake_record();
  CHECK_THAT(smp::report::alloc_to_text(record), !Catch::Contains("Warning"));
  record.context.machine.build_type = "Debug";
  CHECK_THAT(smp::report::alloc_to_text(record), Catch::Contains("Warning: this is a Debug build"));
}
