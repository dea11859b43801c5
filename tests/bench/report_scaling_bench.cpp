// Scaling benchmark of the report path: parsing a JSON profile (and a
// markdown one) and comparing two, as the scope count grows 10^3 -> 10^5 and
// as the samples per scope grow 10^2 -> 10^5. Each size is timed as the best
// of a few runs; a 10x larger input taking about 10x (or 10x log) longer is
// linear (or n log n). No assertion: a benchmark, not a test.
//
//   smallmind-report-scaling-bench [--runs N]
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>
#include <string>

#include <CLI/CLI.hpp>

#include "report/analysis/compare.hpp"
#include "report/formats/markdown_parse.hpp"
#include "report/formats/profile_json.hpp"

namespace {

using namespace smp::report;

ProfileRecord synthetic_profile(std::size_t scopes, std::size_t samples, double scale, unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> noise(0.95, 1.05);
  ProfileRecord profile;
  profile.format = ReportFormat::smallmind_prof_json;
  for (std::size_t i = 0; i < scopes; ++i) {
    ScopeRecord scope;
    scope.name = "Scope_" + std::to_string(i);
    scope.calls = 1;
    for (std::size_t k = 0; k < samples; ++k) scope.inclusive_ms.push_back(scale * noise(generator));
    scope.self_ms = scope.inclusive_ms;
    profile.scopes.push_back(std::move(scope));
  }
  return profile;
}

// SmallMind's enhanced layout with every scope as a hot-paths row (our writer
// lists only the top rows), ending with its closing section as a complete report does.
std::string hot_paths_markdown(const ProfileRecord& profile) {
  std::string text = "## 🔥 Hot Paths\n\n| Rank | Method | Time (ms) | Calls | Avg (ms) | Alloc (MB) |\n|---|---|---|---|---|---|\n";
  for (std::size_t i = 0; i < profile.scopes.size(); ++i) {
    const ScopeRecord& scope = profile.scopes[i];
    text += "| " + std::to_string(i + 1) + " | `" + scope.name + "` | " + std::to_string(scope.time_ms()) + " | 1 | " +
            std::to_string(scope.avg_ms()) + " | 0.00 |\n";
  }
  return text + "\n## Analysis\n";
}

double best_ms(const std::function<void()>& work, int runs) {
  double best = 0.0;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    best = i == 0 ? ms : std::min(best, ms);
  }
  return best;
}

void time_size(std::size_t scopes, std::size_t samples, int runs, bool with_markdown) {
  const ProfileRecord previous = synthetic_profile(scopes, samples, 1.0, 1);
  const ProfileRecord current = synthetic_profile(scopes, samples, 1.1, 2);
  const std::string json = profile_to_json(previous);
  const double parse_ms = best_ms([&] { profile_from_json(json, "bench.json"); }, runs);
  const double compare_ms = best_ms([&] { compare_profiles(previous, current, GateOptions{}); }, runs);
  std::string markdown_cell = "-";
  if (with_markdown) {
    const std::string markdown = hot_paths_markdown(previous);
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", best_ms([&] { parse_markdown_report(markdown, "bench.md"); }, runs));
    markdown_cell = text;
  }
  std::printf("| %7zu | %7zu | %8.1f | %10.1f | %12.1f | %s |\n", scopes, samples, static_cast<double>(json.size()) / 1e6,
              parse_ms, compare_ms, markdown_cell.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Times parsing and comparing reports as scopes and samples grow"};
  int runs = 3;
  app.add_option("--runs", runs, "Timed runs per size; the best is shown")->check(CLI::Range(1, 100));
  CLI11_PARSE(app, argc, argv);
  std::printf("| scopes | samples | JSON MB | JSON parse ms | compare ms | markdown parse ms |\n");
  std::printf("|---|---|---|---|---|---|\n");
  for (std::size_t scopes : {1'000, 10'000, 100'000}) time_size(scopes, 3, runs, true);
  for (std::size_t samples : {100, 1'000, 10'000, 100'000}) time_size(3, samples, runs, false);
  return 0;
}
