#include <cmath>
#include <limits>
#include <vector>

#include <catch2/catch.hpp>

#include "report/analysis/round_changes.hpp"

using namespace smp;

namespace {

// A scope measured in rounds: one process per round, its repetitions in order.
report::ScopeRecord rounds_of(const std::vector<std::vector<double>>& rounds) {
  report::ScopeRecord scope;
  scope.name = "Scope";
  for (std::uint32_t round = 0; round < rounds.size(); ++round) {
    for (const double ms : rounds[round]) {
      scope.inclusive_ms.push_back(ms);
      scope.sample_process.push_back(round);
    }
  }
  return scope;
}

}  // namespace

TEST_CASE("a round's change pairs the two sides' repetitions in order") {
  // The ratios 1.1, 1.0 and 1.2: their median is 1.1, where the medians of
  // the sides (20 and 20) would say no change at all.
  const auto changes = report::round_log_changes(rounds_of({{10.0, 20.0, 30.0}, {8.0, 8.0, 8.0}}),
                                                 rounds_of({{11.0, 20.0, 36.0}, {4.0, 8.0, 16.0}}));
  REQUIRE(changes);
  REQUIRE(changes->size() == 2);
  CHECK((*changes)[0] == Approx(std::log(1.1)).epsilon(1e-12));
  CHECK((*changes)[1] == Approx(0.0).margin(1e-15));
}

TEST_CASE("a drift shared by both sides' repetitions cancels") {
  const auto changes = report::round_log_changes(rounds_of({{10.0, 13.0, 17.0}}), rounds_of({{10.5, 13.65, 17.85}}));
  REQUIRE(changes);
  CHECK(changes->front() == Approx(std::log(1.05)).epsilon(1e-12));
}

TEST_CASE("sides with different repetition counts compare their medians") {
  const auto changes = report::round_log_changes(rounds_of({{10.0, 20.0, 30.0}}), rounds_of({{22.0, 24.0}}));
  REQUIRE(changes);
  CHECK(changes->front() == Approx(std::log(23.0 / 20.0)).epsilon(1e-12));
}

TEST_CASE("rounds need a match on each side and positive, finite times") {
  const report::ScopeRecord two_rounds = rounds_of({{1.0, 1.1}, {1.2, 1.3}});
  CHECK_FALSE(report::round_log_changes(two_rounds, rounds_of({{1.0, 1.1}})));
  CHECK_FALSE(report::round_log_changes(two_rounds, rounds_of({{1.0, 0.0}, {1.2, 1.3}})));
  CHECK_FALSE(report::round_log_changes(two_rounds, rounds_of({{1.0, std::numeric_limits<double>::infinity()}, {1.2, 1.3}})));
  CHECK_FALSE(report::round_log_changes(two_rounds, rounds_of({{1.0, std::nan("")}, {1.2, 1.3}})));
  CHECK(report::round_log_changes(two_rounds, two_rounds));
}
