// Model benchmark: times (one thread unless --threads) of model creation, SmallMind's
// 25-token full-context generation workload, and the same tokens through the
// KV cache, for Small and Medium. Every repetition is one sample; the console
// writer at the bottom reports median and min–max.
//
//   smallmind-model-bench [--runs N] [--threads N]
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "kernels/isa.hpp"
#include "kernels/kernels.hpp"
#include "model/flops.hpp"
#include "model/generate.hpp"
#include "model/gpt.hpp"
#include "report/records/stats.hpp"
#include "report/common/workload.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using smp::model::Gpt;
using smp::model::ModelConfig;

struct BenchRow {
  std::string name;
  smp::report::Summary ms;
  double flops = 0.0;  // matmul FLOPs of one repetition; 0 when not meaningful
};

// Milliseconds of each of `runs` calls of `work`, after one untimed warm-up
// (pages in buffers, grows the kernels' packing scratch).
std::vector<double> sample_ms(const std::function<void()>& work, int runs) {
  work();
  std::vector<double> samples;
  samples.reserve(static_cast<std::size_t>(runs));
  for (int i = 0; i < runs; ++i) {
    const auto start = Clock::now();
    work();
    samples.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  return samples;
}

// One full-context forward per new token over the growing context.
double full_context_flops(const ModelConfig& config) {
  double total = 0.0;
  for (int i = 0; i < smp::kGeneratedTokens; ++i) {
    total += smp::model::forward_last_flops(config, smp::kPromptTokens + i);
  }
  return total;
}

// A prefill of the prompt, then one decode step per further token.
double kv_flops(const ModelConfig& config) {
  double total = smp::model::forward_last_flops(config, smp::kPromptTokens);
  for (int i = 1; i < smp::kGeneratedTokens; ++i) {
    total += smp::model::decode_step_flops(config, smp::kPromptTokens + i - 1);
  }
  return total;
}

std::vector<BenchRow> measure(const std::string& label, const ModelConfig& config, int runs) {
  std::vector<BenchRow> rows;
  rows.push_back({label + " creation", smp::report::summarise(sample_ms([&config] { Gpt model(config); }, runs))});

  Gpt model(config);
  const std::vector<int> prompt = smp::model::random_prompt(config, smp::kPromptTokens, 42);
  const auto full_context = [&] { smp::model::generate_full_context(model, prompt, smp::kGeneratedTokens); };
  rows.push_back({label + " full-context 25 tokens", smp::report::summarise(sample_ms(full_context, runs)),
                  full_context_flops(config)});
  const auto kv = [&] { smp::model::generate_kv(model, prompt, smp::kGeneratedTokens); };
  rows.push_back({label + " KV cache 25 tokens", smp::report::summarise(sample_ms(kv, runs)), kv_flops(config)});
  return rows;
}

void print(const std::vector<BenchRow>& rows, int runs, int threads) {
  std::printf("model bench: %d runs each, %d thread(s), kernels %s\n\n", runs, threads,
              std::string(smp::kernels::isa_name(smp::kernels::active_isa())).c_str());
  std::printf("| %-30s | %10s | %21s | %8s |\n", "case", "median ms", "min – max ms", "GFLOP/s");
  std::printf("|%s|%s|%s|%s|\n", std::string(32, '-').c_str(), std::string(12, '-').c_str(),
              std::string(23, '-').c_str(), std::string(10, '-').c_str());
  for (const BenchRow& row : rows) {
    const std::string gflops = row.flops > 0.0 ? std::to_string(row.flops / (row.ms.median * 1e6)).substr(0, 6) : "";
    std::printf("| %-30s | %10.3f | %9.3f – %9.3f | %8s |\n", row.name.c_str(), row.ms.median, row.ms.min,
                row.ms.max, gflops.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("SmallMind model workloads, one thread unless told");
  int runs = 21;
  int threads = 1;
  app.add_option("--runs", runs, "timed repetitions per case (at least 5)")->check(CLI::Range(5, 100000));
  app.add_option("--threads", threads, "kernel threads")->check(CLI::Range(1, 256));
  CLI11_PARSE(app, argc, argv);

  smp::kernels::set_thread_count(threads);
  std::vector<BenchRow> rows = measure("Small", ModelConfig::small(), runs);
  std::vector<BenchRow> medium = measure("Medium", ModelConfig::medium(), runs);
  rows.insert(rows.end(), medium.begin(), medium.end());
  print(rows, runs, threads);
  return 0;
}
