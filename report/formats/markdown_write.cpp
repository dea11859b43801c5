#include "report/formats/markdown_write.hpp"
#include "report/common/text_escape.hpp"

#include <algorithm>
#include <iterator>
#include <numeric>

#include <fmt/format.h>

#include "report/formats/markdown_sections.hpp"
#include "report/records/records.hpp"
#include "report/analysis/roofline.hpp"
#include "report/records/stats.hpp"
#include "report/common/timestamp.hpp"
#include "report/common/units.hpp"

namespace smp::report {
namespace {

constexpr std::size_t kHotPathRows = 30;
constexpr std::size_t kAllocatorRows = 15;

using Out = std::back_insert_iterator<std::string>;

std::vector<const ScopeRecord*> sorted_by(const ProfileRecord& profile, double (ScopeRecord::*key)() const) {
  std::vector<const ScopeRecord*> rows;
  for (const ScopeRecord& scope : profile.scopes) rows.push_back(&scope);
  std::stable_sort(rows.begin(), rows.end(), [key](auto* a, auto* b) { return (a->*key)() > (b->*key)(); });
  return rows;
}

void write_build_warning(Out out, const RunContext& environment) {
  if (!is_unoptimised_build(environment.machine)) return;
  fmt::format_to(out,
                 "> ⚠️ **Warning: this is a {} build.** Its timings do not represent an optimised "
                 "build; rebuild with -DCMAKE_BUILD_TYPE=Release before comparing.\n\n",
                 environment.machine.build_type.empty() ? "non-Release" : environment.machine.build_type);
}

void write_summary(Out out, const ProfileRecord& profile) {
  const double total_ms = std::accumulate(profile.scopes.begin(), profile.scopes.end(), 0.0,
                                          [](double sum, const ScopeRecord& s) { return sum + s.time_ms(); });
  const double total_mb = std::accumulate(profile.scopes.begin(), profile.scopes.end(), 0.0,
                                          [](double sum, const ScopeRecord& s) { return sum + s.alloc_mb(); });
  const double top_level_ms = std::accumulate(
      profile.scopes.begin(), profile.scopes.end(), 0.0,
      [](double sum, const ScopeRecord& s) { return s.is_top_level() ? sum + s.time_ms() : sum; });
  fmt::format_to(out, "## Summary\n\n");
  fmt::format_to(out, "- **Total Runtime:** {:.2f} ms\n", total_ms);
  fmt::format_to(out, "- **Total Allocations:** {:.2f} MB\n", total_mb);
  fmt::format_to(out, "- **Methods Profiled:** {}\n", profile.scopes.size());
  fmt::format_to(out, "- **Top-level Time:** {:.2f} ms (sum of the outermost scopes, no overlap)\n", top_level_ms);
  if (profile.context) {
    fmt::format_to(out, "- **Wall Time:** {:.2f} ms for {} repetitions\n", profile.context->measured.wall_ms,
                   profile.context->settings.repetitions);
  }
  fmt::format_to(out,
                 "\nTotal Runtime keeps SmallMind's meaning, the sum over all scopes with nested ones "
                 "counted again inside their parents, so it compares with SmallMind's reports; Top-level "
                 "Time is the real time the suite spent. Times are medians over repetitions of each "
                 "scope's per-repetition total; Calls are per repetition.\n\n");
}

void write_hot_paths(Out out, const ProfileRecord& profile) {
  fmt::format_to(out, "## {} (Top {})\n\n", kHotPathsHeading, kHotPathRows);
  fmt::format_to(out, "| Rank | Method | Time (ms) | Calls | Avg (ms) | Alloc (MB) |\n");
  fmt::format_to(out, "|------|--------|-----------|-------|----------|------------|\n");
  const auto rows = sorted_by(profile, &ScopeRecord::time_ms);
  for (std::size_t i = 0; i < rows.size() && i < kHotPathRows; ++i) {
    const ScopeRecord& s = *rows[i];
    fmt::format_to(out, "| {} | {} | {:.2f} | {} | {:.3f} | {:.2f} |\n", i + 1, markdown_code(s.name), s.time_ms(),
                   s.calls, s.avg_ms(), s.alloc_mb());
  }
  fmt::format_to(out, "\n");
}

void write_top_allocators(Out out, const ProfileRecord& profile) {
  fmt::format_to(out, "## {}\n\n", kAllocatorsHeading);
  const auto rows = sorted_by(profile, &ScopeRecord::alloc_mb);
  if (rows.empty() || rows.front()->alloc_bytes == 0) {
    fmt::format_to(out, "No scope allocated heap memory during the measured repetitions.\n\n");
    return;
  }
  fmt::format_to(out, "| Rank | Method | Total (MB) | Calls | Avg (KB) |\n");
  fmt::format_to(out, "|------|--------|------------|-------|----------|\n");
  for (std::size_t i = 0; i < rows.size() && i < kAllocatorRows && rows[i]->alloc_bytes > 0; ++i) {
    const ScopeRecord& s = *rows[i];
    const double avg_kb = s.calls > 0 ? static_cast<double>(s.alloc_bytes) / 1024.0 / static_cast<double>(s.calls) : 0.0;
    fmt::format_to(out, "| {} | {} | {:.2f} | {} | {:.2f} |\n", i + 1, markdown_code(s.name), s.alloc_mb(), s.calls,
                   avg_kb);
  }
  fmt::format_to(out, "\n");
}

std::string percent_text(const std::optional<Roofline>& roofline) {
  if (!roofline || !roofline->percent_of_peak) return "–";
  return fmt::format("{:.1f}% ({})", *roofline->percent_of_peak, roofline->bound);
}

void write_scope_statistics(Out out, const ProfileRecord& profile, const RunContext& environment) {
  fmt::format_to(out, "## 📐 Scope Statistics\n\n");
  fmt::format_to(out,
                 "Inclusive and self time per repetition over {} repetitions (median, MAD, range); self "
                 "time excludes child scopes and the measured scope overhead ({:.1f} ns per scope). "
                 "GFLOPS and GB/s are per call; % of peak is against this machine's measured FMA peak "
                 "({:.1f} GFLOPS) or memory read bandwidth ({:.1f} GB/s), whichever bounds the scope; "
                 "data small enough to stay in cache can run above 100 % of the memory figure.\n\n",
                 environment.settings.repetitions, environment.measured.scope_overhead_ns, environment.measured.peak_gflops,
                 environment.measured.peak_gbps);
  fmt::format_to(out,
                 "| Scope | Parent | Calls | Median (ms) | MAD (ms) | Min–Max (ms) | Self (ms) | Allocs | "
                 "GFLOPS | GB/s | % of peak |\n");
  fmt::format_to(out,
                 "|-------|--------|-------|-------------|----------|--------------|-----------|--------|"
                 "--------|------|-----------|\n");
  for (const ScopeRecord& s : profile.scopes) {
    const Summary inclusive = summarise(s.inclusive_ms);
    const auto roofline = roofline_of(s, environment);
    fmt::format_to(out, "| {} | {} | {} | {:.3f} | {:.3f} | {:.3f}–{:.3f} | {:.3f} | {} | {} | {} | {} |\n", markdown_code(s.name),
                   s.is_top_level() ? "–" : fmt::format("{}", fmt::join(s.parents, ", ")), s.calls, inclusive.median, inclusive.mad, inclusive.min,
                   inclusive.max, median(s.self_ms), s.alloc_count,
                   roofline && s.flops_per_call > 0 ? fmt::format("{:.2f}", roofline->gflops) : "–",
                   roofline && s.bytes_per_call > 0 ? fmt::format("{:.2f}", roofline->gbps) : "–",
                   percent_text(roofline));
  }
  fmt::format_to(out, "\n");
}

// Which path the machine peak ran on, the path in use when it differs, how
// steady the calibration was, and where the FMA peak stood once the scopes
// were measured. Reports from before these fields say nothing more.
void write_peak_detail(Out out, const RunMeasurements& m) {
  if (m.peak_isa.empty()) return;
  fmt::format_to(out, "- **Peak path:** {}", m.peak_isa);
  if (m.path_peak_gflops > 0.0 && m.path_peak_gflops != m.peak_gflops) {
    fmt::format_to(out, " (the kernels ran a narrower path: {:.1f} GFLOPS)", m.path_peak_gflops);
  }
  fmt::format_to(out, " · best of short trials, median {:.1f} % (FMA) and {:.1f} % (memory) below it",
                 100.0 * m.peak_gflops_spread, 100.0 * m.peak_gbps_spread);
  if (m.peak_gflops_after > 0.0 && m.peak_gflops > 0.0) {
    fmt::format_to(out, " · after the run {:.1f} GFLOPS ({:+.1f} %; the clock moves with the host's load, and % of peak is against the first)",
                   m.peak_gflops_after, 100.0 * (m.peak_gflops_after / m.peak_gflops - 1.0));
  }
  fmt::format_to(out, "\n");
}

void write_environment(Out out, const RunContext& e) {
  fmt::format_to(out, "{}\n\n", kOurEnd);
  fmt::format_to(out, "- **Tool:** smallmind-prof {} ({} build, {})\n", e.machine.tool_version, e.machine.build_type,
                 build_commit_text(e.machine));
  fmt::format_to(out, "- **Compiler:** {} `{}`\n", e.machine.compiler, e.machine.compiler_flags);
  fmt::format_to(out, "- **CPU:** {} ({} cores)\n", e.machine.cpu_model, e.machine.cores);
  if (!e.machine.caches.empty()) fmt::format_to(out, "- **Caches:** {}\n", fmt::join(e.machine.caches, ", "));
  fmt::format_to(out, "- **Kernel ISA:** {}\n", e.machine.isa);
  fmt::format_to(out, "- **Threads:** {} · **Seed:** {} · **Repetitions:** {}\n", e.settings.threads, e.settings.seed, e.settings.repetitions);
  fmt::format_to(out, "- **Measured peak:** {:.1f} GFLOPS (FMA, one core), {:.1f} GB/s (memory read)\n",
                 e.measured.peak_gflops, e.measured.peak_gbps);
  write_peak_detail(out, e.measured);
  for (const ModelInfo& m : e.measured.models) {
    fmt::format_to(out, "- **Model {}:** vocab {}, block {}, d {}, {} layers, {} heads — {} parameters in {} tensors\n",
                   m.name, m.vocab, m.block, m.d_model, m.layers, m.heads, m.parameters, m.tensors);
  }
  fmt::format_to(out, "- **Host:** {} · **Started:** {}\n", e.machine.host, e.measured.timestamp);
}

}  // namespace

std::string render_profile_markdown(const ProfileRecord& profile) {
  std::string text;
  Out out(text);
  fmt::format_to(out, "# Enhanced Performance Profile Report\n\n");
  fmt::format_to(out, "**Generated:** {}\n\n", smallmind_stamp(profile.generated));
  if (profile.context) write_build_warning(out, *profile.context);
  write_summary(out, profile);
  write_hot_paths(out, profile);
  write_top_allocators(out, profile);
  if (profile.context) {
    write_scope_statistics(out, profile, *profile.context);
    write_environment(out, *profile.context);
  }
  return text;
}

}  // namespace smp::report
