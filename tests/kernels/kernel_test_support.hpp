#pragma once
// Helpers shared by the kernel tests: ISA paths to run, seeded inputs, and
// element-wise comparison with a named tolerance.
#include <cmath>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "kernels/isa.hpp"
#include "tests/random_inputs.hpp"
#include "kernels/kernels.hpp"

namespace smp::test {

// Every ISA this CPU can run; tests GENERATE over these so every path is
// checked. A path the CPU lacks is named in a warning (once per test binary),
// so a run without it says so instead of passing silently.
inline std::vector<kernels::Isa> runnable_isas() {
  std::vector<kernels::Isa> isas;
  for (kernels::Isa isa : kernels::kIsasWidestFirst) {
    if (kernels::isa_supported(isa)) {
      isas.push_back(isa);
      continue;
    }
    static bool warned[std::size(kernels::kIsasWidestFirst)] = {};
    bool& said = warned[static_cast<std::size_t>(isa)];
    if (!said) WARN("skipping the " << kernels::isa_name(isa) << " kernel path: this CPU does not support it");
    said = true;
  }
  return isas;
}

// Selects `isa` for the test's lifetime and restores the previous path after.
class IsaScope {
 public:
  explicit IsaScope(kernels::Isa isa) : previous_(kernels::active_isa()) { kernels::force_isa(isa); }
  ~IsaScope() { kernels::force_isa(previous_); }
  IsaScope(const IsaScope&) = delete;
  IsaScope& operator=(const IsaScope&) = delete;

 private:
  kernels::Isa previous_;
};

// Thread counts every threaded kernel is tested with: serial, and split in two.
inline const std::vector<int> kThreadCounts = {1, 2};

// Sets the kernels' thread count for the test's lifetime and restores it after.
class ThreadScope {
 public:
  explicit ThreadScope(int threads) : previous_(kernels::thread_count()) { kernels::set_thread_count(threads); }
  ~ThreadScope() { kernels::set_thread_count(previous_); }
  ThreadScope(const ThreadScope&) = delete;
  ThreadScope& operator=(const ThreadScope&) = delete;

 private:
  int previous_;
};

// Largest |got - want| / (|want| + floor) over the arrays, with the index.
struct Mismatch {
  double worst = 0.0;
  std::size_t index = 0;
};

inline Mismatch worst_relative_error(const std::vector<float>& got, const std::vector<float>& want,
                                     double floor) {
  Mismatch mismatch;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const double error = std::fabs(double(got[i]) - want[i]) / (std::fabs(double(want[i])) + floor);
    if (!(error <= mismatch.worst)) mismatch = {error, i};  // NaN counts as worst
  }
  return mismatch;
}

}  // namespace smp::test
