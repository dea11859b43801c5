#include <cmath>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "report/analysis/compare.hpp"
#include "report_test_support.hpp"

using namespace smp;
using report::ScopeStatus;
using test::markdown_record;
using test::timed_scope;

namespace {

std::vector<std::string> names(const report::SmallMindComparison& seed) {
  std::vector<std::string> result;
  for (const auto& method : seed.scopes) result.push_back(method.name);
  return result;
}

}  // namespace

TEST_CASE("only methods in both reports are compared, ordered by |delta| with ties in the previous order") {
  const auto previous = markdown_record({timed_scope("A", 1.0), timed_scope("B", 5.0), timed_scope("C", 3.0),
                                         timed_scope("Gone", 7.0)});
  const auto current = markdown_record({timed_scope("New", 1.0), timed_scope("C", 9.0), timed_scope("B", 6.0),
                                        timed_scope("A", 2.0)});
  const auto seed = report::compare_smallmind(previous, current);
  CHECK(names(seed) == std::vector<std::string>{"C", "A", "B"});
  CHECK(seed.previous_scope_count == 4);
  CHECK(seed.current_scope_count == 4);
}

TEST_CASE("near-ties are decided by the double arithmetic, not the printed deltas") {
  // Both deltas print as -0.65; in doubles the first is the larger.
  REQUIRE(std::fabs(2.28 - 2.93) > std::fabs(2.29 - 2.94));
  const auto previous = markdown_record({timed_scope("X", 2.94), timed_scope("Y", 2.93)});
  const auto current = markdown_record({timed_scope("X", 2.29), timed_scope("Y", 2.28)});
  CHECK(names(report::compare_smallmind(previous, current)) == std::vector<std::string>{"Y", "X"});
}

TEST_CASE("status comes from the unrounded percentage with a 5 % band") {
  const auto previous = markdown_record({timed_scope("at_band", 100.0), timed_scope("inside", 100.0),
                                         timed_scope("faster", 100.0), timed_scope("was_zero", 0.0)});
  const auto current = markdown_record({timed_scope("at_band", 105.0), timed_scope("inside", 104.99),
                                        timed_scope("faster", 95.0), timed_scope("was_zero", 1.0)});
  const auto seed = report::compare_smallmind(previous, current);
  const auto status_of = [&seed](std::string_view name) {
    for (const auto& method : seed.scopes) {
      if (method.name == name) return method;
    }
    FAIL("missing " << name);
    throw std::logic_error("unreachable");
  };
  CHECK(status_of("at_band").status == ScopeStatus::regressed);
  CHECK(status_of("inside").status == ScopeStatus::unchanged);
  CHECK(status_of("faster").status == ScopeStatus::improved);
  CHECK_FALSE(status_of("was_zero").change_pct.has_value());
  CHECK(status_of("was_zero").status == ScopeStatus::unchanged);
}

TEST_CASE("totals sum the rows both reports hold, left to right; the others are listed by side") {
  const auto previous = markdown_record({timed_scope("A", 0.1, 1.5), timed_scope("Gone", 9.0, 9.0),
                                         timed_scope("B", 0.2, 2.5)});
  const auto current = markdown_record({timed_scope("B", 0.4, 4.0), timed_scope("New", 7.0, 7.0),
                                        timed_scope("A", 0.3, 1.0)});
  const auto seed = report::compare_smallmind(previous, current);
  CHECK(seed.runtime_ms.previous == 0.1 + 0.2);
  CHECK(seed.runtime_ms.current == 0.4 + 0.3);  // CURR's own row order
  CHECK(seed.alloc_mb.previous == 1.5 + 2.5);
  CHECK(seed.alloc_mb.current == 4.0 + 1.0);
  REQUIRE(seed.runtime_ms.change_pct.has_value());
  CHECK(*seed.runtime_ms.change_pct == (seed.runtime_ms.current - seed.runtime_ms.previous) / seed.runtime_ms.previous * 100.0);
  CHECK(seed.previous_only == std::vector<std::string>{"Gone"});
  CHECK(seed.current_only == std::vector<std::string>{"New"});
}

TEST_CASE("a CURR that kept few scopes, or whose common scopes all doubled, is compared like with like") {
  std::vector<report::ScopeRecord> all;
  std::vector<report::ScopeRecord> one_doubled;
  std::vector<report::ScopeRecord> all_doubled;
  for (int i = 0; i < 29; ++i) {
    all.push_back(timed_scope("S" + std::to_string(i), 100.0));
    all_doubled.push_back(timed_scope("S" + std::to_string(i), 200.0));
  }
  one_doubled.push_back(timed_scope("S0", 200.0));
  // `run --filter S0` against a full baseline: +100 %, not -100 %.
  const auto filtered = report::compare_smallmind(markdown_record(all), markdown_record(one_doubled));
  CHECK(*filtered.runtime_ms.change_pct == 100.0);
  CHECK(filtered.trend == report::Trend::regressed);
  CHECK(filtered.previous_only.size() == 28);
  // Half the scopes dropped, the rest twice as slow: +100 %, not -75 % or so.
  const std::vector<report::ScopeRecord> half_doubled(all_doubled.begin(), all_doubled.begin() + 7);
  const auto dropped = report::compare_smallmind(markdown_record(all), markdown_record(half_doubled));
  CHECK(*dropped.runtime_ms.change_pct == 100.0);
  CHECK(dropped.trend == report::Trend::regressed);
}

TEST_CASE("the overall trend uses a 10 % band and a zero previous total is stable") {
  const auto trend = [](double before, double after) {
    return report::compare_smallmind(markdown_record({timed_scope("A", before)}), markdown_record({timed_scope("A", after)}))
        .trend;
  };
  CHECK(trend(100.0, 111.0) == report::Trend::regressed);
  CHECK(trend(100.0, 109.0) == report::Trend::stable);
  CHECK(trend(100.0, 89.0) == report::Trend::improved);
  CHECK(trend(0.0, 5.0) == report::Trend::stable);
}

TEST_CASE("model scaling appears only when both model scopes are in both reports") {
  const auto small = [](double ms, double mb) { return timed_scope("Model_Small_Inference", ms, mb); };
  const auto medium = [](double ms, double mb) { return timed_scope("Model_Medium_Inference", ms, mb); };
  const auto with_both = markdown_record({small(400.0, 20.0), medium(2000.0, 80.0)});
  const auto only_small = markdown_record({small(400.0, 20.0)});
  CHECK_FALSE(report::compare_smallmind(with_both, only_small).models.has_value());
  CHECK_FALSE(report::compare_smallmind(only_small, with_both).models.has_value());

  const auto current = markdown_record({small(500.0, 25.0), medium(2500.0, 100.0)});
  const auto models = report::compare_smallmind(with_both, current).models;
  REQUIRE(models.has_value());
  REQUIRE(models->time_ratio.has_value());
  CHECK(*models->time_ratio == 2500.0 / 500.0);
  CHECK(*models->efficiency == 7.3 / (2500.0 / 500.0));  // SmallMind's literal parameter ratio
  CHECK(*models->small_throughput.tokens_per_second == 25.0 / (500.0 / 1000.0));
  CHECK(models->small_throughput.latency_ms == 500.0 / 25.0);
  CHECK(models->medium_throughput.memory_mb == 100.0 / 25.0);

  const auto stalled = markdown_record({small(0.0, 25.0), medium(2500.0, 100.0)});
  const auto no_time = report::compare_smallmind(with_both, stalled).models;
  REQUIRE(no_time.has_value());
  CHECK_FALSE(no_time->time_ratio.has_value());
  CHECK_FALSE(no_time->small_throughput.tokens_per_second.has_value());
}

TEST_CASE("SIMD rows follow the fixed size order and report per-call GFLOPS") {
  const auto previous = markdown_record({timed_scope("MatMul_512x512", 100.0), timed_scope("MatMul_128x128", 4.0)});
  const auto current = markdown_record({timed_scope("MatMul_128x128", 2.0), timed_scope("MatMul_512x512", 80.0),
                                        timed_scope("MatMul_256x256", 9.0)});
  const auto seed = report::compare_smallmind(previous, current);
  REQUIRE(seed.simd.size() == 2);
  CHECK(seed.simd[0].size == 128);
  CHECK(seed.simd[1].size == 512);
  // SmallMind: one call's 2n^3 over the whole (4-call) scope; ours is per call.
  const double smallmind = 2.0 * 128 * 128 * 128 / (2.0 / 1000.0 * 1e9);
  REQUIRE(seed.simd[0].gflops_per_call.has_value());
  CHECK(*seed.simd[0].gflops_per_call == Approx(4.0 * smallmind));
}

TEST_CASE("SIMD GFLOPS use the work our own profiles record") {
  auto previous = markdown_record({timed_scope("MatMul_128x128", 4.0)});
  auto current = markdown_record({timed_scope("MatMul_128x128", 2.0)});
  current.scopes[0].flops_per_call = 3.0e6;
  current.scopes[0].calls = 5;
  const auto seed = report::compare_smallmind(previous, current);
  REQUIRE(seed.simd.size() == 1);
  CHECK(*seed.simd[0].gflops_per_call == Approx(3.0e6 * 5 / (2.0 / 1000.0) / 1e9));
}

TEST_CASE("a derived figure that is not finite is an input error naming the report it comes from") {
  using Catch::Matchers::Contains;
  const auto named = [](std::vector<report::ScopeRecord> scopes, const char* source) {
    auto record = markdown_record(std::move(scopes));
    record.source = source;
    return record;
  };
  const auto previous = named({timed_scope("A", 1.0), timed_scope("B", 1.0)}, "prev.md");
  // Finite huge times add up to infinity.
  const auto huge = named({timed_scope("A", 1.7e308), timed_scope("B", 1.7e308)}, "curr.md");
  CHECK_THROWS_WITH(report::compare_profiles(previous, huge, {}), Contains("curr.md: total runtime is not a finite number"));
  CHECK_THROWS_WITH(report::compare_profiles(named({timed_scope("A", 1.7e308), timed_scope("B", 1.7e308)}, "prev.md"),
                                             named({timed_scope("A", 1.0), timed_scope("B", 1.0)}, "curr.md"), {}),
                    Contains("prev.md: total runtime is not a finite number"));
  // A change between two finite times that no double holds names both reports.
  const auto tiny = named({timed_scope("A", 1e-300)}, "prev.md");
  const auto large = named({timed_scope("A", 1e300)}, "curr.md");
  CHECK_THROWS_WITH(report::compare_profiles(tiny, large, {}),
                    Contains("curr.md: total runtime change against prev.md is not a finite number"));
  // Per-token figures and GFLOPS of the current report.
  const auto models = named({timed_scope("Model_Small_Inference", 1.0), timed_scope("Model_Medium_Inference", 1.0)},
                            "prev.md");
  const auto instant = named({timed_scope("Model_Small_Inference", 1e-307), timed_scope("Model_Medium_Inference", 1.0)},
                             "curr.md");
  CHECK_THROWS_WITH(report::compare_profiles(models, instant, {}), Contains("curr.md: "));
  auto kernel = timed_scope("MatMul_128x128", 1.0);
  kernel.flops_per_call = 1.7e308;
  kernel.calls = 4;
  CHECK_THROWS_WITH(report::compare_profiles(named({timed_scope("MatMul_128x128", 1.0)}, "prev.md"),
                                             named({kernel}, "curr.md"), {}),
                    Contains("curr.md: `MatMul_128x128`'s GFLOPS is not a finite number"));
}

TEST_CASE("a side whose scopes in common all took no time is refused: no change can be told against it") {
  using Catch::Matchers::Contains;
  auto previous = markdown_record({timed_scope("A", 0.0), timed_scope("Other", 100.0)});
  previous.source = "prev.md";
  auto current = markdown_record({timed_scope("A", 50.0)});
  current.source = "curr.md";
  CHECK_THROWS_WITH(report::compare_profiles(previous, current, {}),
                    Contains("prev.md: has no measurements for the scopes both reports hold"));
  CHECK_THROWS_WITH(report::compare_profiles(current, previous, {}),
                    Contains("prev.md: has no measurements for the scopes both reports hold"));
}
