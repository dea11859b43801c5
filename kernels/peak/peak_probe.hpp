#pragma once
// Short calibrations of what this machine can do, so reports can say how
// close a kernel runs to the hardware: FMA throughput of one core on the
// active SIMD path, and memory read bandwidth from a buffer larger than the caches.
#include <chrono>

namespace smp::kernels {

struct MachinePeak {
  double gflops = 0.0;  // single-core fused multiply-add throughput
  double gbps = 0.0;    // single-core sequential read bandwidth
};

// Takes about `budget` in total (default ≈ 100 ms).
MachinePeak measure_machine_peak(std::chrono::milliseconds budget = std::chrono::milliseconds(100));

}  // namespace smp::kernels
