#pragma once
// Short calibrations of what this machine can do, so reports can say how
// close a kernel runs to the hardware: one core's FMA throughput on the
// widest SIMD path the CPU has (the machine peak every "% of peak" uses) and
// on the path the kernels run, and memory read bandwidth from a buffer larger
// than the caches. Each figure is the best of many short trials; the spread
// says how far the typical trial fell below it.
#include <chrono>
#include <string_view>

namespace smp::kernels {

struct MachinePeak {
  double gflops = 0.0;         // machine peak: FMA throughput on the widest path
  double path_gflops = 0.0;    // the same on the active kernel path (== gflops unless a lower path is forced)
  double gbps = 0.0;           // sequential read bandwidth
  double gflops_spread = 0.0;  // (best − median) / best over the machine-peak trials
  double gbps_spread = 0.0;    // likewise over the bandwidth trials
  std::string_view machine_isa;  // the path the machine peak was measured on
  std::string_view path_isa;     // the active path
};

// Takes about `budget` in total, plus touching a 128 MiB buffer once.
MachinePeak measure_machine_peak(std::chrono::milliseconds budget = std::chrono::milliseconds(200));

// The machine peak alone (FMA throughput on the widest path), best of the
// trials that fit in `budget`: for calibrating again after a measurement.
double measure_machine_fma_gflops(std::chrono::milliseconds budget = std::chrono::milliseconds(50));

// One trial of the machine-peak FMA loop (about 0.3 ms on one core), for a
// caller that times it beside other work so both see the same clock speed:
// the core's frequency moves with the host's load, in steps of a few percent.
struct PeakTrial {
  double flops;       // floating-point operations one run performs
  void (*run)();      // runs the trial once
};
PeakTrial machine_peak_trial();

}  // namespace smp::kernels
