#pragma once
// The enhanced command's work, separate from its option wiring.
#include <cstdint>
#include <string>
#include <vector>

namespace smp::app {

inline constexpr int kMaxRepetitions = 100000;
inline constexpr int kMaxThreads = 256;
inline constexpr int kDefaultRepetitions = 20;
inline constexpr int kQuickRepetitions = 5;

struct EnhancedOptions {
  int repetitions = 0;  // 0: the default (or --quick's)
  bool quick = false;
  std::string filter;
  int threads = 1;
  std::uint64_t seed = 42;
  std::string decode = "full";
  std::string output_dir = ".";
  bool skip_peak = false;
  std::vector<std::string> exports;
};

// Returns the exit status.
int run_enhanced(const EnhancedOptions& options);

}  // namespace smp::app
