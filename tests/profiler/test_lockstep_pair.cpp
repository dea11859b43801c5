#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "app/jobs/child_process.hpp"
#include "app/jobs/lockstep_pair.hpp"

namespace fs = std::filesystem;

namespace {

// A child that takes TURNS turns of ab's protocol on the descriptor after
// `--turn-fd`, appending "NAME TURN" to LOG in each, then exits with STATUS.
const char* const kTurnTaker = R"sh(name=$1 turns=$2 status=$3 log=$4 fd=$6
i=0
while [ "$i" -lt "$turns" ]; do
  printf r >&"$fd"
  [ "$(dd bs=1 count=1 <&"$fd" 2>/dev/null)" = g ] || exit 9
  echo "$name $i" >>"$log"
  i=$((i + 1))
done
exit "$status")sh";

smp::app::LockstepChild turn_taker(const fs::path& scratch, const std::string& name, int turns, int status) {
  return {"/bin/sh",
          {"-c", kTurnTaker, "turn-taker", name, std::to_string(turns), std::to_string(status),
           (scratch / "turns.log").string()},
          scratch / (name + ".log"),
          {}};
}

std::vector<std::string> lines_of(const fs::path& file) {
  std::ifstream in(file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("two children in lock step take one turn each, in ABBA order, one at a time", "[lockstep]") {
  const smp::app::ScratchDirectory scratch("lockstep-test");
  std::mt19937_64 order(7);
  const auto statuses =
      smp::app::run_in_lockstep({{turn_taker(scratch.path(), "A", 8, 0), turn_taker(scratch.path(), "B", 8, 0)}}, order);
  CHECK(statuses == std::array<int, 2>{0, 0});
  const std::vector<std::string> turns = lines_of(scratch.path() / "turns.log");
  REQUIRE(turns.size() == 16);
  std::vector<char> firsts;
  for (std::size_t turn = 0; turn < 8; ++turn) {
    const std::string& first = turns[2 * turn];
    const std::string& second = turns[2 * turn + 1];
    // Turn k of both sides comes before turn k + 1 of either.
    CHECK(first.substr(2) == std::to_string(turn));
    CHECK(second.substr(2) == std::to_string(turn));
    CHECK(first[0] != second[0]);
    firsts.push_back(first[0]);
  }
  for (std::size_t pair = 0; pair < 4; ++pair) CHECK(firsts[2 * pair] != firsts[2 * pair + 1]);  // mirrored
}

TEST_CASE("a child that stops early leaves the other to finish alone, and its status is kept", "[lockstep]") {
  const smp::app::ScratchDirectory scratch("lockstep-test");
  std::mt19937_64 order(1);
  const auto statuses =
      smp::app::run_in_lockstep({{turn_taker(scratch.path(), "A", 1, 3), turn_taker(scratch.path(), "B", 5, 0)}}, order);
  CHECK(statuses == std::array<int, 2>{3, 0});
  const std::vector<std::string> turns = lines_of(scratch.path() / "turns.log");
  CHECK(turns.size() == 6);
  CHECK(turns.back() == "B 4");
}

TEST_CASE("children held on one CPU run only there, and this process keeps its own CPUs", "[lockstep]") {
  const smp::app::ScratchDirectory scratch("lockstep-test");
  const std::vector<int> cpus = smp::app::allowed_cpus();
  REQUIRE_FALSE(cpus.empty());
  const int cpu = cpus.back();
  std::array<smp::app::LockstepChild, 2> children;
  for (std::size_t side = 0; side < 2; ++side) {
    const std::string name = side == 0 ? "A" : "B";
    children[side] = {"/bin/sh",
                      {"-c", R"sh(sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' /proc/$$/status >"$1")sh", "cpu-reader",
                       (scratch.path() / (name + ".cpus")).string()},
                      scratch.path() / (name + ".log"),
                      {}};
  }
  std::mt19937_64 order(3);
  CHECK(smp::app::run_in_lockstep(children, order, cpu) == std::array<int, 2>{0, 0});
  for (const char* name : {"A", "B"}) {
    const std::vector<std::string> lines = lines_of(scratch.path() / (std::string(name) + ".cpus"));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == std::to_string(cpu));
  }
  CHECK(smp::app::allowed_cpus() == cpus);
}
