#pragma once
// ab's lock step, the parent's end (the child's: app/workloads/turn_channel.hpp).
// Both sides' `enhanced` processes of a round are started together and take
// turns, one case at a time, so only one of them ever runs and each case's
// two measurements are milliseconds apart: the machine's drift and its
// switches of state, which move a whole process by a third on a shared
// host, fall on both sides alike. Which side goes first is a coin toss for
// every other turn, mirrored in the turn after it (ABBA).
//
// Both can also be held on one CPU. The CPUs of a shared VM are not alike
// from moment to moment (each is a core of the host, with its own
// neighbours), and a process the scheduler moves between them carries that
// difference into its times: on a 2-core AMD EPYC VM, holding both sides of
// a round on one CPU cut the round-to-round spread (of the log ratio) of
// GELU_1000000 from 0.11–0.13 to 0.02–0.03 and of MatMul_512x512 from
// 0.08–0.09 to 0.02–0.04 (two sets of 10 rounds each way).
#include <array>
#include <filesystem>
#include <optional>
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
// With `cpu`, both children run on that CPU only.
std::array<int, 2> run_in_lockstep(const std::array<LockstepChild, 2>& children, std::mt19937_64& order,
                                   std::optional<int> cpu = std::nullopt);

// The CPUs this process may run on (its affinity mask), in ascending order.
std::vector<int> allowed_cpus();

}  // namespace smp::app
