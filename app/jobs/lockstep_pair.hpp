#pragma once
// ab's lock step, the parent's end (the child's: app/workloads/turn_channel.hpp).
// Both sides' `enhanced` processes of a round are started together and take
// turns, one case at a time, so only one of them ever runs and each case's
// two measurements are milliseconds apart: the machine's drift and its
// switches of state, which move a whole process by a third on a shared
// host, fall on both sides alike. Which side goes first is a coin toss for
// every other turn, mirrored in the turn after it (ABBA).
#include <array>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace smp::app {

struct LockstepChild {
  std::filesystem::path program;
  std::vector<std::string> arguments;  // `enhanced … --processes 1`; the turn option is added here
  std::filesystem::path log;
  std::vector<std::string> environment;
};

// Runs both children in turns until both have exited; their exit statuses.
// A child that exits early (or fails) leaves the other to finish alone.
std::array<int, 2> run_in_lockstep(const std::array<LockstepChild, 2>& children, std::mt19937_64& order);

}  // namespace smp::app
