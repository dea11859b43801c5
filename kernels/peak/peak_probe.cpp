#include "kernels/peak/peak_probe.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "kernels/aligned_floats.hpp"
#include "kernels/arch/archs.hpp"
#include "kernels/arch/peak_loops.hpp"
#include "kernels/isa.hpp"

namespace smp::kernels {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Keeps results observable so the timed loops are not removed.
volatile float g_sink;

struct Trials {
  double best = 0.0;
  double spread = 0.0;  // (best − median) / best
};

// Repeats `trial` (which returns a rate) until `budget` has passed and at
// least kMinTrials ran. The best trial is the one the machine least
// disturbed (the cores are shared); the median tells how rare it was.
template <class Trial>
Trials best_of_trials(std::chrono::milliseconds budget, Trial trial) {
  constexpr std::size_t kMinTrials = 5;
  std::vector<double> rates;
  const auto deadline = Clock::now() + budget;
  while (rates.size() < kMinTrials || Clock::now() < deadline) rates.push_back(trial());
  std::sort(rates.begin(), rates.end());
  const double best = rates.back();
  const double median = rates[rates.size() / 2];
  return {best, best > 0.0 ? (best - median) / best : 0.0};
}

// ≈ 0.3 ms per trial on a zmm core: short enough for many trials in a budget.
constexpr std::int64_t kFmaIterations = 1 << 16;

template <class Arch>
PeakTrial fma_trial() {
  return {double(kFmaIterations) * PeakLoops<Arch>::kChains * 2.0 * double(PeakLoops<Arch>::lanes()),
          [] { g_sink = PeakLoops<Arch>::fma_chains(kFmaIterations); }};
}

template <class Arch>
Trials fma_gflops(std::chrono::milliseconds budget) {
  const PeakTrial trial = fma_trial<Arch>();
  return best_of_trials(budget, [&] {
    const auto start = Clock::now();
    trial.run();
    return trial.flops / seconds_since(start) * 1e-9;
  });
}

template <class Arch>
Trials read_gbps(std::chrono::milliseconds budget) {
  // 128 MiB: well beyond any last-level cache this tool will meet.
  constexpr std::size_t kFloats = std::size_t(32) << 20;
  const AlignedFloats buffer = allocate_aligned_floats(kFloats);
  std::fill_n(buffer.get(), kFloats, 1.0f);  // touch every page before timing
  return best_of_trials(budget, [&] {
    const auto start = Clock::now();
    g_sink = PeakLoops<Arch>::sum_stream(buffer.get(), kFloats);
    return double(kFloats * sizeof(float)) / seconds_since(start) * 1e-9;
  });
}

Trials fma_gflops_on(Isa isa, std::chrono::milliseconds budget) {
  return on_isa(isa, [&](auto arch) { return fma_gflops<decltype(arch)>(budget); });
}

}  // namespace

double measure_machine_fma_gflops(std::chrono::milliseconds budget) {
  return fma_gflops_on(best_supported_isa(), budget).best;
}

PeakTrial machine_peak_trial() {
  return on_isa(best_supported_isa(), [](auto arch) { return fma_trial<decltype(arch)>(); });
}

MachinePeak measure_machine_peak(std::chrono::milliseconds budget) {
  const Isa widest = best_supported_isa();
  const Isa active = active_isa();
  const auto quarter = budget / 4;
  const Trials machine = fma_gflops_on(widest, quarter);
  const double path = active == widest ? machine.best : fma_gflops_on(active, quarter).best;
  const Trials memory = on_isa(widest, [&](auto arch) { return read_gbps<decltype(arch)>(budget / 2); });
  return {.gflops = machine.best,
          .path_gflops = path,
          .gbps = memory.best,
          .gflops_spread = machine.spread,
          .gbps_spread = memory.spread,
          .machine_isa = isa_name(widest),
          .path_isa = isa_name(active)};
}

}  // namespace smp::kernels
