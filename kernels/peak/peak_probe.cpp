#include "kernels/peak/peak_probe.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>

#include "kernels/isa.hpp"
#include "kernels/arch/peak_loops.hpp"

namespace smp::kernels {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Keeps results observable so the timed loops are not removed.
volatile float g_sink;

template <class Arch>
double fma_gflops(std::chrono::milliseconds budget) {
  constexpr std::int64_t kIterations = 1 << 20;
  const double flops_per_call = double(kIterations) * PeakLoops<Arch>::kChains * 2.0 * double(PeakLoops<Arch>::lanes());
  double best = 0.0;
  const auto deadline = Clock::now() + budget;
  while (Clock::now() < deadline) {
    const auto start = Clock::now();
    g_sink = PeakLoops<Arch>::fma_chains(kIterations);
    best = std::max(best, flops_per_call / seconds_since(start) * 1e-9);
  }
  return best;
}

template <class Arch>
double read_gbps(std::chrono::milliseconds budget) {
  // 128 MiB: well beyond any last-level cache this tool will meet.
  constexpr std::size_t kFloats = std::size_t(32) << 20;
  constexpr std::align_val_t kAlignment{64};
  std::unique_ptr<float, void (*)(float*)> buffer(
      static_cast<float*>(::operator new(kFloats * sizeof(float), kAlignment)),
      [](float* p) { ::operator delete(p, kAlignment); });
  std::fill_n(buffer.get(), kFloats, 1.0f);  // touch every page before timing
  double best = 0.0;
  const auto deadline = Clock::now() + budget;
  do {
    const auto start = Clock::now();
    g_sink = PeakLoops<Arch>::sum_stream(buffer.get(), kFloats);
    best = std::max(best, double(kFloats * sizeof(float)) / seconds_since(start) * 1e-9);
  } while (Clock::now() < deadline);
  return best;
}

template <class Arch>
MachinePeak measure(std::chrono::milliseconds budget) {
  return {fma_gflops<Arch>(budget / 2), read_gbps<Arch>(budget / 2)};
}

}  // namespace

MachinePeak measure_machine_peak(std::chrono::milliseconds budget) {
  if (active_isa() == Isa::avx2_fma) {
    return xsimd::dispatch<xsimd::arch_list<xsimd::fma3<xsimd::avx2>, xsimd::sse4_2>>(
        [](auto arch, std::chrono::milliseconds b) { return measure<decltype(arch)>(b); })(budget);
  }
  return xsimd::dispatch<xsimd::arch_list<xsimd::sse4_2>>(
      [](auto arch, std::chrono::milliseconds b) { return measure<decltype(arch)>(b); })(budget);
}

}  // namespace smp::kernels
