// SmallMind's comparison layout, section by section in its order, rendered
// from the SmallMindComparison record.
#include "report/formats/render_comparison.hpp"
#include "report/common/text_escape.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "report/formats/number_format.hpp"
#include "report/formats/render_gate.hpp"

namespace smp::report {
namespace {

// SmallMind's table sizes.
constexpr std::size_t kTopRows = 10;
constexpr std::size_t kDetailedRows = 30;

class Lines {
 public:
  Lines& operator<<(std::string_view line) {
    text_.append(line);
    text_.push_back('\n');
    return *this;
  }
  Lines& blank() { return *this << ""; }
  std::string str() && { return std::move(text_); }

 private:
  std::string text_;
};

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
  return fixed(method.previous_ms, 2) + " | " + fixed(method.current_ms, 2) + " | " + signed_fixed(method.delta_ms, 2) +
         " | " + percent_text(method.change_pct, true);
}

void summary_section(const SmallMindComparison& smallmind, Lines& out) {
  const auto total_row = [&out](std::string_view label, const TotalChange& total, std::string_view unit) {
    out << "| **" + std::string(label) + "** | " + fixed(total.previous, 2) + " " + std::string(unit) + " | " +
               fixed(total.current, 2) + " " + std::string(unit) + " | " + signed_fixed(total.delta, 2) + " " +
               std::string(unit) + " | " + percent_text(total.change_pct, true) + " |";
  };
  const auto previous_count = static_cast<long long>(smallmind.previous_scope_count);
  const auto current_count = static_cast<long long>(smallmind.current_scope_count);
  out << "## 📊 Overall Performance Summary" ;
  out.blank() << "| Metric | Previous | Current | Delta | Change % |"
              << "|--------|----------|---------|-------|----------|";
  total_row("Total Runtime", smallmind.runtime_ms, "ms");
  total_row("Total Allocations", smallmind.alloc_mb, "MB");
  out << "| **Methods Profiled** | " + std::to_string(previous_count) + " | " + std::to_string(current_count) + " | " +
             (current_count >= previous_count ? "+" : "") + std::to_string(current_count - previous_count) + " | - |";
  out.blank();
}

void verdict_section(const SmallMindComparison& smallmind, Lines& out) {
  out << "### 🎯 Performance Verdict";
  out.blank();
  const std::optional<double>& pct = smallmind.runtime_ms.change_pct;
  switch (smallmind.trend) {
    case Trend::improved:
      out << "✅ **IMPROVED**: Overall performance improved by " + fixed(-*pct, 1) + "%";
      break;
    case Trend::regressed:
      out << "⚠️ **REGRESSED**: Overall performance degraded by " + fixed(*pct, 1) + "%";
      break;
    case Trend::stable:
      out << "➡️ **STABLE**: Performance remained within 10% tolerance (" + percent_text(pct, true) + ")";
      break;
  }
  out.blank();
}

std::vector<const ScopeComparison*> first_with_status(const SmallMindComparison& smallmind, ScopeStatus status) {
  std::vector<const ScopeComparison*> rows;
  for (const ScopeComparison& method : smallmind.scopes) {
    if (rows.size() < kTopRows && method.status == status) rows.push_back(&method);
  }
  return rows;
}

constexpr std::string_view kTopHeader = "| Method | Previous (ms) | Current (ms) | Delta (ms) | Change % |";
constexpr std::string_view kTopRule = "|--------|---------------|--------------|------------|----------|";

// SmallMind prints a top-10 section only when it has rows; improvements unsigned.
void top_sections(const SmallMindComparison& smallmind, Lines& out) {
  if (const auto rows = first_with_status(smallmind, ScopeStatus::improved); !rows.empty()) {
    out << "## 🚀 Top 10 Improvements";
    out.blank() << kTopHeader << kTopRule;
    for (const ScopeComparison* method : rows) {
      out << "| " + code(method->name) + " | " + fixed(method->previous_ms, 2) + " | " + fixed(method->current_ms, 2) +
                 " | " + fixed(method->delta_ms, 2) + " | " + percent_text(method->change_pct, false) + " |";
    }
    out.blank();
  }
  if (const auto rows = first_with_status(smallmind, ScopeStatus::regressed); !rows.empty()) {
    out << "## ⚠️ Top 10 Regressions";
    out.blank() << kTopHeader << kTopRule;
    for (const ScopeComparison* method : rows) out << "| " + code(method->name) + " | " + signed_figures(*method) + " |";
    out.blank();
  }
}

void detailed_section(const SmallMindComparison& smallmind, Lines& out) {
  out << "## 📋 Detailed Method Comparison";
  out.blank()
      << "| Method | Prev Time (ms) | Curr Time (ms) | Time Δ | Time Δ% | Prev Alloc (MB) | Curr Alloc (MB) | Status |"
      << "|--------|----------------|----------------|--------|---------|-----------------|-----------------|--------|";
  const std::size_t count = std::min(kDetailedRows, smallmind.scopes.size());
  for (std::size_t i = 0; i < count; ++i) {
    const ScopeComparison& method = smallmind.scopes[i];
    out << "| " + code(method.name) + " | " + signed_figures(method) + " | " + fixed(method.previous_alloc_mb, 2) +
               " | " + fixed(method.current_alloc_mb, 2) + " | " + status_text(method.status) + " |";
  }
  out.blank();
}

void model_sections(const ModelScaling& models, Lines& out) {
  const auto model_row = [&out](std::string_view label, const ScopeComparison& model) {
    out << "| " + std::string(label) + " | " + signed_figures(model) + " | " + fixed(model.current_alloc_mb, 2) + " |";
  };
  const auto throughput_row = [&out](std::string_view label, const ModelThroughput& model) {
    out << "| " + std::string(label) + " | " + fixed_or_na(model.tokens_per_second, 2) + " | " +
               fixed(model.latency_ms, 2) + " | " + fixed(model.memory_mb, 2) + " |";
  };
  const auto times = [](const std::optional<double>& ratio) { return ratio ? fixed(*ratio, 2) + "x" : "n/a"; };

  out << "### Small vs Medium Model Performance";
  out.blank() << "| Model | Previous (ms) | Current (ms) | Delta | Change % | Alloc (MB) |"
              << "|-------|---------------|--------------|-------|----------|------------|";
  model_row("**Small** (128 dim, 2 layers)", models.small);
  model_row("**Medium** (256 dim, 4 layers)", models.medium);
  out.blank() << "### Scaling Analysis";
  out.blank() << "- **Medium/Small Time Ratio:** " + times(models.time_ratio)
              << "- **Medium Model Parameters:** ~7.3x more parameters than Small"
              << "- **Computational Efficiency:** " + times(models.efficiency) + " (ideal: 1.0x, higher is better)";
  out.blank() << "### Inference Throughput (25 tokens)";
  out.blank() << "| Model | Tokens/Second | Latency/Token (ms) | Memory/Token (MB) |"
              << "|-------|---------------|-------------------|-------------------|";
  throughput_row("**Small**", models.small_throughput);
  throughput_row("**Medium**", models.medium_throughput);
  out.blank();
}

void simd_section(const SmallMindComparison& smallmind, Lines& out) {
  out << "### SIMD Operation Performance";
  out.blank() << "| Operation | Previous (ms) | Current (ms) | Delta | Change % | GFLOPS |"
              << "|-----------|---------------|--------------|-------|----------|--------|";
  for (const SimdRow& row : smallmind.simd) {
    out << "| " + code(row.method.name) + " | " + signed_figures(row.method) + " | " +
               fixed_or_na(row.gflops_per_call, 2) + " |";
  }
  out.blank();
  if (!smallmind.simd.empty()) {
    out << "*GFLOPS per call: 2·n³ operations over one call's time. In SmallMind's reports a `MatMul_NxN` scope "
           "holds 4 calls (a warm-up and 3 timed iterations); SmallMind divided one call's operations by the whole "
           "scope's time, printing a quarter of these figures. Our JSON reports record each scope's work, which is "
           "used instead when present.*";
    out.blank();
  }
}

}  // namespace

std::string render_smallmind_sections(const SmallMindComparison& smallmind) {
  Lines out;
  out << "# Profile Comparison Report";
  out.blank() << "**Previous Run:** " + smallmind.previous_generated << "**Current Run:** " + smallmind.current_generated;
  out.blank();
  summary_section(smallmind, out);
  verdict_section(smallmind, out);
  top_sections(smallmind, out);
  detailed_section(smallmind, out);
  out << "## 🔬 Model Size Comparison";
  out.blank();
  if (smallmind.models) model_sections(*smallmind.models, out);
  simd_section(smallmind, out);
  return std::move(out).str();
}

std::string render_comparison_markdown(const ComparisonRecord& record) {
  return render_smallmind_sections(record.smallmind) + render_gate_sections(record);
}

}  // namespace smp::report
