// SmallMind's comparison layout, section by section in its order, rendered
// from the SmallMindComparison record.
#include "report/formats/render_comparison.hpp"
#include "report/common/text_escape.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "report/formats/number_format.hpp"
#include "report/formats/render_gate.hpp"

namespace smp::report {
namespace {

// SmallMind's table sizes.
constexpr std::size_t kTopRows = 10;
constexpr std::size_t kDetailedRows = 30;

using Out = std::back_insert_iterator<std::string>;

std::string code(std::string_view name) { return markdown_code(name); }

std::string status_text(ScopeStatus status) {
  switch (status) {
    case ScopeStatus::improved: return "✅ Improved";
    case ScopeStatus::regressed: return "⚠️ Regressed";
    case ScopeStatus::unchanged: break;
  }
  return "➡️ Unchanged";
}

// Previous | Current | Delta | Change %, as the regressions and detail tables sign them.
std::string signed_figures(const ScopeComparison& method) {
  return fmt::format("{} | {} | {} | {}", fixed(method.previous_ms, 2), fixed(method.current_ms, 2),
                     signed_fixed(method.delta_ms, 2), percent_text(method.change_pct, true));
}

void summary_section(Out out, const SmallMindComparison& smallmind) {
  const auto total_row = [out](std::string_view label, const TotalChange& total, std::string_view unit) {
    fmt::format_to(out, "| **{}** | {} {unit} | {} {unit} | {} {unit} | {} |\n", label, fixed(total.previous, 2),
                   fixed(total.current, 2), signed_fixed(total.delta, 2), percent_text(total.change_pct, true),
                   fmt::arg("unit", unit));
  };
  const auto previous_count = static_cast<long long>(smallmind.previous_scope_count);
  const auto current_count = static_cast<long long>(smallmind.current_scope_count);
  fmt::format_to(out, "## 📊 Overall Performance Summary\n\n");
  fmt::format_to(out, "| Metric | Previous | Current | Delta | Change % |\n");
  fmt::format_to(out, "|--------|----------|---------|-------|----------|\n");
  total_row("Total Runtime", smallmind.runtime_ms, "ms");
  total_row("Total Allocations", smallmind.alloc_mb, "MB");
  fmt::format_to(out, "| **Methods Profiled** | {} | {} | {}{} | - |\n\n", previous_count, current_count,
                 current_count >= previous_count ? "+" : "", current_count - previous_count);
  // Only when the reports' methods differ, so SmallMind's own cases read as SmallMind wrote them.
  const std::size_t one_side = smallmind.previous_only.size() + smallmind.current_only.size();
  if (one_side > 0) {
    fmt::format_to(out,
                   "*Totals are over the methods both reports hold ({}); the {} in one report only are listed under "
                   "\"Scopes in One Report Only\" below.*\n\n",
                   smallmind.scopes.size(), one_side);
  }
}

void verdict_section(Out out, const SmallMindComparison& smallmind) {
  fmt::format_to(out, "### 🎯 Performance Verdict\n\n");
  const std::optional<double>& pct = smallmind.runtime_ms.change_pct;
  switch (smallmind.trend) {
    case Trend::improved:
      fmt::format_to(out, "✅ **IMPROVED**: Overall performance improved by {}%\n\n", fixed(-*pct, 1));
      break;
    case Trend::regressed:
      fmt::format_to(out, "⚠️ **REGRESSED**: Overall performance degraded by {}%\n\n", fixed(*pct, 1));
      break;
    case Trend::stable:
      fmt::format_to(out, "➡️ **STABLE**: Performance remained within 10% tolerance ({})\n\n", percent_text(pct, true));
      break;
  }
}

std::vector<const ScopeComparison*> first_with_status(const SmallMindComparison& smallmind, ScopeStatus status) {
  std::vector<const ScopeComparison*> rows;
  for (const ScopeComparison& method : smallmind.scopes) {
    if (rows.size() < kTopRows && method.status == status) rows.push_back(&method);
  }
  return rows;
}

constexpr std::string_view kTopHeader =
    "| Method | Previous (ms) | Current (ms) | Delta (ms) | Change % |\n"
    "|--------|---------------|--------------|------------|----------|\n";

// SmallMind prints a top-10 section only when it has rows; improvements unsigned.
void top_sections(Out out, const SmallMindComparison& smallmind) {
  if (const auto rows = first_with_status(smallmind, ScopeStatus::improved); !rows.empty()) {
    fmt::format_to(out, "## 🚀 Top 10 Improvements\n\n{}", kTopHeader);
    for (const ScopeComparison* method : rows) {
      fmt::format_to(out, "| {} | {} | {} | {} | {} |\n", code(method->name), fixed(method->previous_ms, 2),
                     fixed(method->current_ms, 2), fixed(method->delta_ms, 2), percent_text(method->change_pct, false));
    }
    fmt::format_to(out, "\n");
  }
  if (const auto rows = first_with_status(smallmind, ScopeStatus::regressed); !rows.empty()) {
    fmt::format_to(out, "## ⚠️ Top 10 Regressions\n\n{}", kTopHeader);
    for (const ScopeComparison* method : rows) fmt::format_to(out, "| {} | {} |\n", code(method->name), signed_figures(*method));
    fmt::format_to(out, "\n");
  }
}

void detailed_section(Out out, const SmallMindComparison& smallmind) {
  fmt::format_to(out, "## 📋 Detailed Method Comparison\n\n");
  fmt::format_to(out,
                 "| Method | Prev Time (ms) | Curr Time (ms) | Time Δ | Time Δ% | Prev Alloc (MB) | Curr Alloc (MB) | "
                 "Status |\n");
  fmt::format_to(out,
                 "|--------|----------------|----------------|--------|---------|-----------------|-----------------|"
                 "--------|\n");
  const std::size_t count = std::min(kDetailedRows, smallmind.scopes.size());
  for (std::size_t i = 0; i < count; ++i) {
    const ScopeComparison& method = smallmind.scopes[i];
    fmt::format_to(out, "| {} | {} | {} | {} | {} |\n", code(method.name), signed_figures(method),
                   fixed(method.previous_alloc_mb, 2), fixed(method.current_alloc_mb, 2), status_text(method.status));
  }
  fmt::format_to(out, "\n");
}

void model_sections(Out out, const ModelScaling& models) {
  const auto model_row = [out](std::string_view label, const ScopeComparison& model) {
    fmt::format_to(out, "| {} | {} | {} |\n", label, signed_figures(model), fixed(model.current_alloc_mb, 2));
  };
  const auto throughput_row = [out](std::string_view label, const ModelThroughput& model) {
    fmt::format_to(out, "| {} | {} | {} | {} |\n", label, fixed_or_na(model.tokens_per_second, 2),
                   fixed(model.latency_ms, 2), fixed(model.memory_mb, 2));
  };
  const auto times = [](const std::optional<double>& ratio) { return ratio ? fixed(*ratio, 2) + "x" : "n/a"; };

  fmt::format_to(out, "### Small vs Medium Model Performance\n\n");
  fmt::format_to(out, "| Model | Previous (ms) | Current (ms) | Delta | Change % | Alloc (MB) |\n");
  fmt::format_to(out, "|-------|---------------|--------------|-------|----------|------------|\n");
  model_row("**Small** (128 dim, 2 layers)", models.small);
  model_row("**Medium** (256 dim, 4 layers)", models.medium);
  fmt::format_to(out, "\n### Scaling Analysis\n\n");
  fmt::format_to(out, "- **Medium/Small Time Ratio:** {}\n", times(models.time_ratio));
  fmt::format_to(out, "- **Medium Model Parameters:** ~7.3x more parameters than Small\n");
  fmt::format_to(out, "- **Computational Efficiency:** {} (ideal: 1.0x, higher is better)\n\n", times(models.efficiency));
  fmt::format_to(out, "### Inference Throughput (25 tokens)\n\n");
  fmt::format_to(out, "| Model | Tokens/Second | Latency/Token (ms) | Memory/Token (MB) |\n");
  fmt::format_to(out, "|-------|---------------|-------------------|-------------------|\n");
  throughput_row("**Small**", models.small_throughput);
  throughput_row("**Medium**", models.medium_throughput);
  fmt::format_to(out, "\n");
}

void simd_section(Out out, const SmallMindComparison& smallmind) {
  fmt::format_to(out, "### SIMD Operation Performance\n\n");
  fmt::format_to(out, "| Operation | Previous (ms) | Current (ms) | Delta | Change % | GFLOPS |\n");
  fmt::format_to(out, "|-----------|---------------|--------------|-------|----------|--------|\n");
  for (const SimdRow& row : smallmind.simd) {
    fmt::format_to(out, "| {} | {} | {} |\n", code(row.method.name), signed_figures(row.method),
                   fixed_or_na(row.gflops_per_call, 2));
  }
  fmt::format_to(out, "\n");
  if (!smallmind.simd.empty()) {
    fmt::format_to(out,
                   "*GFLOPS per call: 2·n³ operations over one call's time. In SmallMind's reports a `MatMul_NxN` "
                   "scope holds 4 calls (a warm-up and 3 timed iterations); SmallMind divided one call's operations "
                   "by the whole scope's time, printing a quarter of these figures. Our JSON reports record each "
                   "scope's work, which is used instead when present.*\n\n");
  }
}

}  // namespace

std::string render_smallmind_sections(const SmallMindComparison& smallmind) {
  std::string text;
  const Out out(text);
  fmt::format_to(out, "# Profile Comparison Report\n\n");
  fmt::format_to(out, "**Previous Run:** {}\n**Current Run:** {}\n\n", smallmind.previous_generated,
                 smallmind.current_generated);
  summary_section(out, smallmind);
  verdict_section(out, smallmind);
  top_sections(out, smallmind);
  detailed_section(out, smallmind);
  fmt::format_to(out, "## 🔬 Model Size Comparison\n\n");
  if (smallmind.models) model_sections(out, *smallmind.models);
  simd_section(out, smallmind);
  return text;
}

std::string render_comparison_markdown(const ComparisonRecord& record) {
  return render_smallmind_sections(record.smallmind) + render_gate_sections(record);
}

}  // namespace smp::report
