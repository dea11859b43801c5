// Kernel benchmark: GEMM GFLOPS on the square and model shapes (on one thread
// also as a percent of the FMA peak timed between the same batches), ns/element for
// GELU and softmax, with OpenBLAS timed on the same shapes in the same run
// when it was found at configure time. Measuring fills plain records; the
// console writer at the bottom only reads them.
//
//   smallmind-kernel-bench [--threads 1,2] [--quick] [--cpu-clock]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <time.h>

#include <CLI/CLI.hpp>

#include "blas_baseline.hpp"
#include "kernels/aligned_floats.hpp"
#include "kernels/isa.hpp"
#include "kernels/kernels.hpp"
#include "kernels/packed_weight.hpp"
#include "kernels/peak/peak_probe.hpp"
#include "report/records/stats.hpp"
#include "tests/random_inputs.hpp"

namespace {

using smp::report::Summary;
using smp::test::random_floats;

// Seconds on the clock a run measures with: wall time, or the calling
// thread's CPU time, which leaves out the time other processes hold the core
// (only meaningful single-threaded, where all the work is on this thread).
using ClockRead = double (*)();

double wall_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return double(now.tv_sec) + 1e-9 * double(now.tv_nsec);
}

struct Options {
  std::vector<int> threads{1};
  bool quick = false;
  bool cpu_clock = false;
};

// How long each timed batch runs, how many batches are kept, and on which clock.
struct TimingPlan {
  int batches;
  double min_batch_seconds;
  ClockRead now;
};

TimingPlan timing_plan(const Options& options) {
  // Quick mode keeps the ≥5 batches the summaries need but makes each short.
  const ClockRead now = options.cpu_clock ? thread_cpu_seconds : wall_seconds;
  return options.quick ? TimingPlan{5, 0.01, now} : TimingPlan{9, 0.05, now};
}

using Work = std::function<void()>;

double seconds_for(const Work& work, long calls, ClockRead now) {
  const double start = now();
  for (long i = 0; i < calls; ++i) work();
  return now() - start;
}

// Seconds per call of each of `works`, one sample per batch. Each work's call
// count is calibrated once so its batches last at least min_batch_seconds;
// then the works take turns batch by batch, so when the machine's load drifts
// (the cores are shared) every work sees the same drift and their ratio holds.
std::vector<std::vector<double>> seconds_per_call(const std::vector<Work>& works, const TimingPlan& plan) {
  std::vector<long> calls;
  for (const Work& work : works) {
    work();  // warm caches, page in buffers, grow pack buffers
    long count = 1;
    while (seconds_for(work, count, plan.now) < plan.min_batch_seconds) count *= 2;
    calls.push_back(count);
  }
  std::vector<std::vector<double>> samples(works.size());
  for (int batch = 0; batch < plan.batches; ++batch) {
    for (std::size_t w = 0; w < works.size(); ++w) {
      samples[w].push_back(seconds_for(works[w], calls[w], plan.now) / double(calls[w]));
    }
  }
  return samples;
}

// GFLOPS per sample, from the seconds one call of `flops` took.
Summary summarise_gflops(const std::vector<double>& seconds, double flops) {
  std::vector<double> rates;
  for (double s : seconds) rates.push_back(flops / s * 1e-9);
  return smp::report::summarise(rates);
}

Summary summarise_ns_per_element(const std::vector<double>& seconds, std::size_t elements) {
  std::vector<double> costs;
  for (double s : seconds) costs.push_back(s * 1e9 / double(elements));
  return smp::report::summarise(costs);
}

// `count` seeded random floats in a buffer aligned to a cache line, as the
// model's tensors are. Where a heap vector happens to start decides some
// routines' speed: OpenBLAS's sgemv on 1x256x768 ran at 38 GFLOPS with its
// matrix 16 bytes past a line and 47–49 aligned (Intel Xeon, family 6 model
// 167, one thread), so both sides get the same, aligned, operands.
smp::kernels::AlignedFloats aligned_random_floats(std::size_t count, std::uint32_t seed) {
  const std::vector<float> values = random_floats(count, seed);
  smp::kernels::AlignedFloats buffer = smp::kernels::allocate_aligned_floats(count);
  std::copy(values.begin(), values.end(), buffer.get());
  return buffer;
}

// ---- matmul -----------------------------------------------------------------

// a_bt_packed: A·Bᵀ with B packed once beforehand (kernels::PackedWeight), as
// the model runs its Linear layers; OpenBLAS, which has no such form, still
// runs A·Bᵀ as it is.
enum class Layout { a_b, a_bt, a_bt_packed };

struct MatmulCase {
  int m, k, n;
  Layout layout;
};

const std::vector<MatmulCase> kMatmulCases = {{64, 64, 64, Layout::a_b},       {128, 128, 128, Layout::a_b},
                                              {256, 256, 256, Layout::a_b},    {512, 512, 512, Layout::a_b},
                                              {1024, 1024, 1024, Layout::a_b}, {35, 128, 384, Layout::a_bt},
                                              {35, 256, 1024, Layout::a_bt},   {1, 256, 768, Layout::a_bt},
                                              {35, 128, 384, Layout::a_bt_packed},
                                              {35, 256, 1024, Layout::a_bt_packed},
                                              {1, 256, 768, Layout::a_bt_packed}};

struct Baseline {
  std::string routine;
  Summary gflops;
};

struct MatmulRecord {
  MatmulCase shape;
  int threads;
  Summary gflops;
  std::vector<Baseline> baselines;  // empty without OpenBLAS
  // Ours against the machine's FMA peak timed in the batches between, batch
  // by batch: the core's clock moves with the host's load, so a peak taken
  // at another moment misstates the fraction. One thread only (the peak is one core's).
  std::optional<Summary> percent_of_peak;
};

// Percent of `peak_seconds`' rate that `seconds` reached, batch by batch.
Summary summarise_percent_of_peak(const std::vector<double>& seconds, double flops,
                                  const std::vector<double>& peak_seconds, double peak_flops) {
  std::vector<double> percents;
  for (std::size_t i = 0; i < seconds.size(); ++i) {
    percents.push_back(100.0 * (flops / seconds[i]) / (peak_flops / peak_seconds[i]));
  }
  return smp::report::summarise(percents);
}

MatmulRecord measure_matmul(const MatmulCase& shape, int threads, const TimingPlan& plan) {
  namespace blas = smp::bench::blas;
  const auto [m, k, n, layout] = shape;
  const auto a = aligned_random_floats(std::size_t(m) * k, 1);
  const auto b = aligned_random_floats(std::size_t(k) * n, 2);
  const auto c = smp::kernels::allocate_aligned_floats(std::size_t(m) * n);
  const bool transposed = layout != Layout::a_b;
  const auto panels = smp::kernels::allocate_aligned_floats(
      layout == Layout::a_bt_packed ? smp::kernels::PackedWeight::storage_floats(n, k) : 0);
  const smp::kernels::PackedWeight packed =
      layout == Layout::a_bt_packed ? smp::kernels::PackedWeight(b.get(), n, k, panels.get())
                                    : smp::kernels::PackedWeight();

  std::vector<Work> works = {[&] {
    switch (layout) {
      case Layout::a_b:
        smp::kernels::matmul(c.get(), a.get(), b.get(), nullptr, m, k, n);
        break;
      case Layout::a_bt:
        smp::kernels::matmul_bt(c.get(), a.get(), b.get(), nullptr, m, k, n);
        break;
      case Layout::a_bt_packed:
        smp::kernels::matmul_bt(c.get(), a.get(), packed, nullptr, m);
        break;
    }
  }};
  std::vector<std::string> routines;
  if (blas::available()) {
    routines.push_back("sgemm");
    works.push_back([&] {
      if (transposed) {
        blas::sgemm_bt(c.get(), a.get(), b.get(), m, k, n);
      } else {
        blas::sgemm(c.get(), a.get(), b.get(), m, k, n);
      }
    });
    if (m == 1 && transposed) {
      routines.push_back("sgemv");
      works.push_back([&] { blas::sgemv(c.get(), b.get(), a.get(), k, n); });
    }
  }

  const smp::kernels::PeakTrial peak = smp::kernels::machine_peak_trial();
  if (threads == 1) works.push_back(peak.run);
  const auto samples = seconds_per_call(works, plan);
  const double flops = 2.0 * m * k * n;
  MatmulRecord record{shape, threads, summarise_gflops(samples[0], flops), {}, {}};
  for (std::size_t i = 0; i < routines.size(); ++i) {
    record.baselines.push_back({routines[i], summarise_gflops(samples[i + 1], flops)});
  }
  if (threads == 1) record.percent_of_peak = summarise_percent_of_peak(samples[0], flops, samples.back(), peak.flops);
  return record;
}

// ---- element-wise -----------------------------------------------------------

const std::vector<std::size_t> kElementCounts = {1'000, 10'000, 100'000, 1'000'000};
// Softmax row widths: attention rows at short and at full context.
const std::vector<int> kSoftmaxCols = {256, 2048};

struct EltwiseRecord {
  std::string kernel;
  std::size_t elements;
  int cols;  // softmax row width; 0 for element-wise kernels
  Summary ns_per_element;
};

std::vector<EltwiseRecord> measure_eltwise(const TimingPlan& plan) {
  std::vector<EltwiseRecord> records;
  for (std::size_t count : kElementCounts) {
    const auto x = random_floats(count, 3, -8.0f, 8.0f);
    std::vector<float> y(count);
    const auto seconds = seconds_per_call({[&] { smp::kernels::gelu(y.data(), x.data(), count); }}, plan);
    records.push_back({"gelu", count, 0, summarise_ns_per_element(seconds[0], count)});
  }
  for (int cols : kSoftmaxCols) {
    for (std::size_t count : kElementCounts) {
      const int rows = std::max(1, int(count / std::size_t(cols)));
      const std::size_t elements = std::size_t(rows) * cols;
      const auto x = random_floats(elements, 4, -30.0f, 30.0f);
      std::vector<float> y(elements);
      const auto seconds = seconds_per_call({[&] { smp::kernels::softmax(y.data(), x.data(), rows, cols); }}, plan);
      records.push_back({"softmax", elements, cols, summarise_ns_per_element(seconds[0], elements)});
    }
  }
  return records;
}

// ---- console writer ---------------------------------------------------------

std::string shape_label(const MatmulCase& shape) {
  char text[64];
  const char* layout = shape.layout == Layout::a_b ? "A·B " : shape.layout == Layout::a_bt ? "A·Bᵀ" : "A·Bᵀ packed";
  std::snprintf(text, sizeof text, "%dx%dx%d %s", shape.m, shape.k, shape.n, layout);
  return text;
}

std::string formatted(const char* format, double value) {
  char text[32];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

std::string range_label(const Summary& s, const char* format) {
  return formatted(format, s.median) + " (" + formatted(format, s.min) + "–" + formatted(format, s.max) + ")";
}

void print_matmul(const std::vector<MatmulRecord>& records) {
  std::printf("\n%-28s %8s  %-24s %-22s %-28s %s\n", "matmul (m x k x n)", "threads", "ours GFLOPS med (min–max)",
              "ours % of peak", "OpenBLAS GFLOPS med (min–max)", "ours/OpenBLAS");
  for (const MatmulRecord& r : records) {
    std::printf("%-28s %8d  %-24s %-22s", shape_label(r.shape).c_str(), r.threads, range_label(r.gflops, "%.1f").c_str(),
                r.percent_of_peak ? range_label(*r.percent_of_peak, "%.1f").c_str() : "-");
    if (r.baselines.empty()) std::printf(" %-28s", "-");
    for (std::size_t i = 0; i < r.baselines.size(); ++i) {
      const Baseline& base = r.baselines[i];
      if (i > 0) std::printf("%-28s %8s  %-24s %-22s", "", "", "", "");
      std::printf(" %-28s %.2f (%s)\n", range_label(base.gflops, "%.1f").c_str(), r.gflops.median / base.gflops.median,
                  base.routine.c_str());
    }
    if (r.baselines.empty()) std::printf("\n");
  }
}

// Our N-thread median over our 1-thread median, shape by shape, when both ran.
void print_scaling(const std::vector<MatmulRecord>& records) {
  bool header = false;
  for (const MatmulRecord& r : records) {
    if (r.threads == 1) continue;
    const auto single = std::find_if(records.begin(), records.end(), [&](const MatmulRecord& other) {
      return other.threads == 1 && other.shape.m == r.shape.m && other.shape.k == r.shape.k &&
             other.shape.n == r.shape.n && other.shape.layout == r.shape.layout;
    });
    if (single == records.end()) continue;
    if (!header) std::printf("\n%-28s %8s  %s\n", "thread scaling", "threads", "ours / ours 1-thread");
    header = true;
    std::printf("%-28s %8d  %.2fx\n", shape_label(r.shape).c_str(), r.threads, r.gflops.median / single->gflops.median);
  }
}

void print_eltwise(const std::vector<EltwiseRecord>& records) {
  std::printf("\n%-28s %10s  %s\n", "element-wise", "elements", "ns/element med (min–max)");
  for (const EltwiseRecord& r : records) {
    const std::string name = r.cols > 0 ? r.kernel + " rows of " + std::to_string(r.cols) : r.kernel;
    std::printf("%-28s %10zu  %s\n", name.c_str(), r.elements, range_label(r.ns_per_element, "%.3f").c_str());
  }
}

void print_context(const Options& options, const std::string& openblas_spin) {
  namespace blas = smp::bench::blas;
  const std::string openblas = blas::available() ? "found (" + blas::core_name() +
                                                       " kernels, same threads as ours, idle threads spin 2^" +
                                                       openblas_spin + " cycles, batches interleaved)"
                                                 : "not found";
  std::printf("smallmind-kernel-bench: kernels %s, OpenBLAS %s%s, %s\n",
              std::string(smp::kernels::isa_name(smp::kernels::active_isa())).c_str(), openblas.c_str(),
              options.quick ? ", quick mode" : "", options.cpu_clock ? "thread CPU time" : "wall time");
  if (blas::available() && blas::core_name() == "Prescott") {
    std::printf("WARNING: OpenBLAS did not recognise this CPU and runs its generic SSE3 kernels; for a fair "
                "comparison set OPENBLAS_CORETYPE (e.g. SkylakeX on AVX-512, Haswell on AVX2)\n");
  }
#ifndef NDEBUG
  std::printf("WARNING: this is a Debug build; figures do not describe the optimised kernels.\n");
#endif
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"Times smallmind kernels (and OpenBLAS when available) on fixed shapes."};
  app.add_option("--threads", options.threads, "Thread counts to measure, e.g. 1,2")
      ->delimiter(',')
      ->check(CLI::Range(1, 256));
  app.add_flag("--quick", options.quick, "Shorter batches (still 5 of them) for a fast look");
  app.add_flag("--cpu-clock", options.cpu_clock,
               "Time on the calling thread's CPU clock, immune to other processes on shared cores (1 thread only)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  if (options.cpu_clock && std::any_of(options.threads.begin(), options.threads.end(), [](int t) { return t > 1; })) {
    std::fprintf(stderr, "--cpu-clock counts only the calling thread's time: use it with --threads 1\n");
    return 2;
  }

  const std::string openblas_spin = smp::bench::blas::bounded_thread_spin(argv);
  const TimingPlan plan = timing_plan(options);
  print_context(options, openblas_spin);
  std::vector<MatmulRecord> matmuls;
  std::vector<EltwiseRecord> eltwise;
  for (int threads : options.threads) {
    smp::kernels::set_thread_count(threads);
    smp::bench::blas::set_thread_count(threads);
    for (const MatmulCase& shape : kMatmulCases) matmuls.push_back(measure_matmul(shape, threads, plan));
  }
  smp::kernels::set_thread_count(1);
  eltwise = measure_eltwise(plan);

  print_matmul(matmuls);
  print_scaling(matmuls);
  print_eltwise(eltwise);
  return 0;
}
