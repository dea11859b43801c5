#include <chrono>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "report/measure/profiler.hpp"
#include "tests/named_record.hpp"

namespace {

using smp::report::Profiler;
using smp::report::ScopeRecord;

void spin_for(std::chrono::microseconds duration) {
  const auto until = std::chrono::steady_clock::now() + duration;
  while (std::chrono::steady_clock::now() < until) {
  }
}

}  // namespace

TEST_CASE("scopes record calls, nesting and one sample per repetition", "[profiler]") {
  Profiler profiler;
  for (int repetition = 0; repetition < 3; ++repetition) {
    Profiler::Scope outer(profiler, "Outer");
    for (int i = 0; i < 4; ++i) {
      Profiler::Scope inner(profiler, "Inner");
      spin_for(std::chrono::microseconds(200));
    }
  }
  profiler.end_repetition();
  const auto records = profiler.records();
  REQUIRE(records.size() == 2);
  CHECK(records[0].name == "Outer");
  CHECK(records[0].is_top_level());
  CHECK(records[0].calls == 3);
  CHECK(records[1].name == "Inner");
  CHECK(records[1].parents == std::vector<std::string>{"Outer"});
  CHECK(records[1].calls == 12);
  CHECK(records[1].inclusive_ms.size() == 1);
}

TEST_CASE("self time plus children equals inclusive time within the scope overhead", "[profiler]") {
  Profiler profiler;
  const double overhead_ns = profiler.calibrate_overhead_ns();
  CHECK(overhead_ns > 0.0);
  constexpr int kChildren = 50;
  for (int repetition = 0; repetition < 2; ++repetition) {
    {
      Profiler::Scope parent(profiler, "Parent");
      spin_for(std::chrono::microseconds(300));
      for (int i = 0; i < kChildren; ++i) {
        Profiler::Scope child(profiler, "Child");
        spin_for(std::chrono::microseconds(20));
      }
    }
    profiler.end_repetition();
  }
  const auto records = profiler.records();
  const ScopeRecord& parent = smp::test::named(records, "Parent");
  const ScopeRecord& child = smp::test::named(records, "Child");
  for (std::size_t r = 0; r < parent.inclusive_ms.size(); ++r) {
    const double reassembled = parent.self_ms[r] + child.inclusive_ms[r];
    // What is not accounted for is at most the children's enter/exit cost.
    const double allowance_ms = kChildren * overhead_ns * 1e-6;
    CHECK(reassembled <= parent.inclusive_ms[r] + 1e-9);
    CHECK(parent.inclusive_ms[r] - reassembled <= allowance_ms);
  }
  // The parent's own 300 µs of spinning is attributed to it, not to its
  // children. The tick-to-time calibration spans only this short test, so
  // allow it a few percent of error.
  constexpr double kCalibrationSlack = 0.95;
  CHECK(parent.self_ms[0] >= 0.3 * kCalibrationSlack);
}

TEST_CASE("allocation counting sees a known std::vector allocation inside a scope", "[profiler][alloc]") {
  Profiler profiler;
  constexpr std::size_t kFloats = 12345;
  {
    Profiler::Scope scope(profiler, "Allocates");
    std::vector<float> buffer(kFloats);
    buffer[0] = 1.0f;
  }
  {
    Profiler::Scope scope(profiler, "Quiet");
  }
  profiler.end_repetition();
  const auto records = profiler.records();
  const ScopeRecord& allocates = smp::test::named(records, "Allocates");
  CHECK(allocates.alloc_bytes == kFloats * sizeof(float));
  CHECK(allocates.alloc_count == 1);
  CHECK(allocates.free_count == 1);
  CHECK(smp::test::named(records, "Quiet").alloc_bytes == 0);
}

TEST_CASE("the warm-up recording is discarded", "[profiler]") {
  Profiler profiler;
  {
    Profiler::Scope scope(profiler, "Work");
    std::vector<int> warm_up_only(100);
  }
  profiler.discard_recording();
  {
    Profiler::Scope scope(profiler, "Work");
  }
  profiler.end_repetition();
  const auto records = profiler.records();
  CHECK(records.front().calls == 1);
  CHECK(records.front().alloc_bytes == 0);
}

TEST_CASE("scopes with the same name under different parents merge by name", "[profiler]") {
  Profiler profiler;
  for (const char* outer_name : {"A", "B"}) {
    Profiler::Scope outer(profiler, outer_name);
    for (int i = 0; i < 3; ++i) {
      Profiler::Scope iteration(profiler, "Iteration", {10.0, 4.0});
    }
  }
  profiler.end_repetition();
  const auto records = profiler.records();
  const ScopeRecord& iteration = smp::test::named(records, "Iteration");
  CHECK(iteration.calls == 6);
  CHECK(iteration.parents == std::vector<std::string>{"A", "B"});
  CHECK(iteration.flops_per_call == Approx(10.0));
  CHECK(iteration.bytes_per_call == Approx(4.0));
}

TEST_CASE("a rehearsal runs through the scopes and records nothing", "[profiler]") {
  Profiler profiler;
  const auto recorded_run = [&profiler] {
    Profiler::Scope outer(profiler, "Outer");
    for (int i = 0; i < 2; ++i) Profiler::Scope inner(profiler, "Inner");
  };
  recorded_run();
  profiler.end_repetition();
  recorded_run();
  profiler.rehearse([&profiler] {
    Profiler::Scope outer(profiler, "Outer");
    for (int i = 0; i < 3; ++i) {
      Profiler::Scope inner(profiler, "Inner");
      std::vector<int> allocates(100);
      spin_for(std::chrono::milliseconds(20));
    }
    Profiler::Scope only_rehearsed(profiler, "Rehearsed");
  });
  recorded_run();
  profiler.end_repetition();

  const auto records = profiler.records();
  const ScopeRecord& outer = smp::test::named(records, "Outer");
  const ScopeRecord& inner = smp::test::named(records, "Inner");
  CHECK(outer.calls == 2);  // the last repetition's: two recorded runs
  CHECK(inner.calls == 4);
  CHECK(inner.alloc_count == 0);
  REQUIRE(outer.inclusive_ms.size() == 2);
  // The rehearsal spent 60 ms inside these scopes; none of it is kept.
  CHECK(outer.inclusive_ms[1] < 20.0);
  CHECK(inner.max_call_ms < 20.0);
  CHECK(smp::test::named(records, "Rehearsed").calls == 0);
}

TEST_CASE("a rehearsal leaves an injected slowdown the length of the last recorded call", "[profiler]") {
  Profiler profiler;
  const std::vector<smp::report::InjectedSlowdown> slowdowns{{"Slowed", 100.0}};
  profiler.inject_slowdowns(slowdowns);
  {
    Profiler::Scope slowed(profiler, "Slowed");
    spin_for(std::chrono::milliseconds(5));
  }
  profiler.rehearse([&profiler] { Profiler::Scope slowed(profiler, "Slowed"); });
  {
    // Waits 100 % of the last recorded call's 5 ms, not of the rehearsal's.
    Profiler::Scope slowed(profiler, "Slowed");
  }
  profiler.end_repetition();
  const auto records = profiler.records();
  const ScopeRecord& slowed = smp::test::named(records, "Slowed");
  CHECK(slowed.min_call_ms >= 5.0 * 0.95);  // the tick calibration's slack, as above
}
