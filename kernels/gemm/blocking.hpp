#pragma once
// Cache blocking for the packed GEMM, sized for this class of CPU (Zen 5 here:
// 48 KiB L1d, 1 MiB L2 per core, 32 MiB shared L3). With KC = 256:
//   KC·NR floats of B (one sliver: 16 KiB for AVX2's 6x16 tile, 32 KiB for
//   AVX-512's 14x32) plus KC·MR of A stay in L1;
//   the MC·KC block of A (MC = 24·MR: 144 KiB, or 336 KiB) stays in L2 with
//   room for C tiles;
//   the KC·NC block of B (NC = 256·NR: 4 MiB, or 8 MiB) is shared through L3;
//   on AVX-512 with A packed, NC is cut to half of L2 instead, which B's block
//   then streams from past A's sliver held in L1 (BlockOrder, gemm_impl.hpp).
// On AVX2, sweeps of KC in {192, 256, 320, 384} and MC in {72 … 432} on
// 256³–1024³ moved results by less than run-to-run noise (±3 %), so these stay
// at the classic values that also suit smaller L1/L2 sizes. On AVX-512, whose
// packed weights take the same KC, KC = 128 made the Medium model's
// full-context generation 2.7 % slower on an Intel Xeon (family 6 model 167).
// NEON's 12x8 tile takes an 8 KiB sliver of B and a 288 KiB block of A
// (MC = 288), which fit the 64 KiB L1d and 1 MiB L2 of current Neoverse
// cores; not tuned on ARM hardware (none was at hand).
// Anonymous namespace: ISA code must not leak across translation units (arch_kernels.hpp).
namespace smp::kernels {
namespace {

struct Blocking {
  int mc;
  int kc;
  int nc;
};

constexpr int round_up(int value, int multiple) { return (value + multiple - 1) / multiple * multiple; }

constexpr Blocking blocking_for(int mr, int nr) {
  constexpr int kc = 256;
  const int mc = 24 * mr;
  const int nc = 256 * nr;
  return {mc, kc, nc};
}

}  // namespace
}  // namespace smp::kernels
