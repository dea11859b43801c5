#pragma once
// `ab BASE CANDIDATE`: two builds (or two settings of one build) measured on
// this machine in one job. Each round runs one fresh `enhanced` process per
// side, the two in lock step (app/jobs/lockstep_pair.hpp), and the gate
// compares the sides round by round (paired), so the machine's drift during
// the job cancels out. A scope is called regressed only at a second look,
// over all the rounds, at alpha; the first look only decides whether that
// second look is needed (some scope beyond its threshold at a lenient
// kAbScreenAlpha), and as many rounds again are then measured. Only the last
// look's test can fail the gate, so the false-alarm rate is at most alpha.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/jobs/command_output.hpp"
#include "app/jobs/gate_settings.hpp"

namespace smp::app {

inline constexpr int kDefaultAbRounds = 40;
inline constexpr int kDefaultAbRepetitions = 3;
inline constexpr double kDefaultAbThresholdPct = 3.0;
inline constexpr double kDefaultAbMaxSeconds = 300.0;
// Holm's level at the first look for measuring more: lenient, since it only
// buys rounds (under A/A it asks for them in at most a fifth of the jobs).
inline constexpr double kAbScreenAlpha = 0.2;
inline constexpr int kMaxAbRounds = 10000;

struct AbOptions {
  std::filesystem::path base;
  std::filesystem::path candidate;
  std::string base_args;       // appended to the base side's enhanced command only
  std::string candidate_args;  // likewise for the candidate
  std::vector<std::string> enhanced_args;  // after --: both sides
  int rounds = kDefaultAbRounds;            // per look
  int repetitions = kDefaultAbRepetitions;  // per process
  double max_seconds = kDefaultAbMaxSeconds;  // no new round starts after this
  std::uint64_t order_seed = 1;
  bool hold_cpu = true;  // a round's two processes on one CPU (app/jobs/lockstep_pair.hpp)
  std::string output_dir = ".";
  std::string summary_output;
  GateSettings gate;
};

// The whole command; its status is the gate's (0 pass, 1 regression).
CommandOutput run_ab(const AbOptions& options);

}  // namespace smp::app
