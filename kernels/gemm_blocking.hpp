#pragma once
// Cache blocking for the packed GEMM. KC·NR floats of B (one sliver) plus
// KC·MR of A stay in L1 (32 KiB); the MC·KC block of A stays in L2 (512 KiB);
// the KC·NC block of B is shared through L3.
namespace smp::kernels {

struct Blocking {
  int mc;
  int kc;
  int nc;
};

constexpr int round_up(int value, int multiple) { return (value + multiple - 1) / multiple * multiple; }

constexpr Blocking blocking_for(int mr, int nr) {
  constexpr int kc = 256;          // 256·16·4 B = 16 KiB sliver of B in L1
  const int mc = 24 * mr;          // 144 rows · 256 · 4 B = 144 KiB of A in L2
  const int nc = 256 * nr;         // 4096 columns on AVX2: 4 MiB block of B in L3
  return {mc, kc, nc};
}

}  // namespace smp::kernels
