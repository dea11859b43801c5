#include "report/results_dir/summary.hpp"
#include "report/common/text_escape.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

#include "report/analysis/alloc_analysis.hpp"
#include "report/formats/gate_text.hpp"
#include "report/formats/number_format.hpp"
#include "report/formats/render_comparison.hpp"
#include "report/results_dir/peak_chart.hpp"
#include "report/results_dir/time_share_chart.hpp"
#include "report/results_dir/roofline_chart.hpp"
#include "report/results_dir/scope_change_chart.hpp"
#include "report/results_dir/findings.hpp"
#include "report/results_dir/markers.hpp"
#include "report/formats/render_summary.hpp"
#include "report/common/file_names.hpp"
#include "report/common/workload.hpp"
#include "report/records/find_by_name.hpp"
#include "report/common/units.hpp"

namespace smp::report {
namespace {

using Out = std::back_insert_iterator<std::string>;

constexpr std::string_view kKeyScopes[] = {"Model_Small_Inference", "Model_Medium_Inference", "MatMul_512x512"};

struct MetricRow {
  std::string name;
  std::optional<double> baseline;
  std::optional<double> current;
  std::optional<double> change_pct;
  int decimals = 2;
  Direction direction = Direction::within;
};

std::optional<double> percent_change(const std::optional<double>& previous, const std::optional<double>& current) {
  if (!previous || !current) return std::nullopt;
  if (*previous == *current) return 0.0;  // including nothing before and after
  if (*previous == 0.0) return std::nullopt;
  return (*current - *previous) / *previous * 100.0;
}

// A row whose change is judged against a band; the change is computed here.
MetricRow judged_row(std::string name, std::optional<double> baseline, std::optional<double> current, int decimals,
                     double band_pct, bool smaller_is_better) {
  const std::optional<double> change = percent_change(baseline, current);
  return {std::move(name), baseline, current, change, decimals, judge_change(change, band_pct, smaller_is_better)};
}

double column_total(const ProfileRecord& profile, double (ScopeRecord::*field)() const) {
  double total = 0.0;
  for (const ScopeRecord& scope : profile.scopes) total += (scope.*field)();
  return total;
}

std::optional<double> tokens_per_second(double inference_ms) {
  if (inference_ms <= 0.0) return std::nullopt;
  return kGeneratedTokens / (inference_ms / kMsPerSecond);
}

// The pooled run when there is one (the configuration SmallMind ships).
const AllocRun* preferred_run(const AllocWorkloadRecord& workload) {
  const AllocRun* on = find_run(workload, true);
  return on ? on : find_run(workload, false);
}

struct AllocFigures {
  std::optional<double> kb_per_iteration;
  std::optional<double> ms_per_iteration;
  std::optional<double> samples_per_second;  // training only
};

std::optional<AllocFigures> alloc_figures(const AllocationRecord* record, AllocWorkload kind, bool pool_enabled) {
  if (!record) return std::nullopt;
  for (const AllocWorkloadRecord& workload : record->workloads) {
    if (workload.workload != kind || workload.iterations <= 0) continue;
    const AllocRun* run = find_run(workload, pool_enabled);
    if (!run || run->samples.empty()) return std::nullopt;
    AllocFigures figures;
    figures.kb_per_iteration =
        summarise_run(*run, [](const AllocSample& s) { return s.alloc_bytes; }).median / workload.iterations /
        kBytesPerKiB;
    figures.ms_per_iteration = ms_per_iteration(*run, workload.iterations).median;
    if (kind == AllocWorkload::training) {
      figures.samples_per_second = samples_per_second(*run, workload.iterations, workload.batch);
    }
    return figures;
  }
  return std::nullopt;
}

void add_alloc_rows(std::vector<MetricRow>& rows, const RunResults& results, const GateOptions& gate) {
  const AllocationRecord* baseline = results.baseline && results.baseline->alloc ? &*results.baseline->alloc : nullptr;
  for (const AllocWorkloadRecord& workload : results.alloc.workloads) {
    const AllocRun* run = preferred_run(workload);
    if (!run) continue;
    const bool pooled = run->pool_enabled;
    const bool training = workload.workload == AllocWorkload::training;
    const std::string label = fmt::format("{}, pool {}", training ? "Training" : "MatMul backward", pooled ? "on" : "off");
    const std::string unit = training ? "step" : "iteration";
    const std::optional<AllocFigures> now = alloc_figures(&results.alloc, workload.workload, pooled);
    const std::optional<AllocFigures> before = alloc_figures(baseline, workload.workload, pooled);
    if (!now) continue;
    const auto from_before = [&before](std::optional<double> AllocFigures::*field) {
      return before ? (*before).*field : std::nullopt;
    };
    rows.push_back(judged_row(fmt::format("{}: heap per {} (KB)", label, unit),
                              from_before(&AllocFigures::kb_per_iteration), now->kb_per_iteration, 2,
                              gate.alloc_threshold_pct, true));
    rows.push_back(judged_row(fmt::format("{}: time per {} (ms)", label, unit),
                              from_before(&AllocFigures::ms_per_iteration), now->ms_per_iteration, 3,
                              gate.threshold_pct, true));
    if (training) {
      rows.push_back(judged_row(fmt::format("{}: throughput (samples/s)", label),
                                from_before(&AllocFigures::samples_per_second), now->samples_per_second, 0,
                                gate.threshold_pct, false));
    }
  }
}

std::vector<MetricRow> key_metrics(const RunResults& results) {
  std::vector<MetricRow> rows;
  const GateOptions gate = results.baseline ? results.baseline->comparison.gate.options : GateOptions{};
  if (results.baseline) {
    const ComparisonRecord& record = results.baseline->comparison;
    const SmallMindComparison& smallmind = record.smallmind;
    rows.push_back({"Total Runtime (ms, SmallMind's sum over every row)", smallmind.runtime_ms.previous,
                    smallmind.runtime_ms.current, smallmind.runtime_ms.change_pct, 2,
                    judge_change(smallmind.runtime_ms.change_pct, gate.threshold_pct, true)});
    rows.push_back({"Total Allocations (MB)", smallmind.alloc_mb.previous, smallmind.alloc_mb.current, smallmind.alloc_mb.change_pct,
                    2, judge_change(smallmind.alloc_mb.change_pct, gate.alloc_threshold_pct, true)});
    for (std::string_view name : kKeyScopes) {
      if (const ScopeComparison* method = find_by_name(smallmind.scopes, name)) {
        rows.push_back({fmt::format("`{}` (ms)", name), method->previous_ms, method->current_ms, method->change_pct, 2,
                        judge_scope(record, *method)});
      }
    }
    if (smallmind.models) {
      for (const ScopeComparison* model : {&smallmind.models->small, &smallmind.models->medium}) {
        rows.push_back(judged_row(fmt::format("{} tokens/s", markdown_code(model->name)), tokens_per_second(model->previous_ms),
                                  tokens_per_second(model->current_ms), 2, gate.threshold_pct, false));
      }
    }
  } else {
    rows.push_back({"Total Runtime (ms, SmallMind's sum over every row)", std::nullopt,
                    column_total(results.profile, &ScopeRecord::time_ms), std::nullopt, 2, Direction::within});
    rows.push_back({"Total Allocations (MB)", std::nullopt, column_total(results.profile, &ScopeRecord::alloc_mb),
                    std::nullopt, 2, Direction::within});
    for (std::string_view name : kKeyScopes) {
      if (const ScopeRecord* scope = find_by_name(results.profile.scopes, name)) {
        rows.push_back({fmt::format("`{}` (ms)", name), std::nullopt, scope->time_ms(), std::nullopt, 2,
                        Direction::within});
      }
    }
  }
  add_alloc_rows(rows, results, gate);
  return rows;
}

void write_header(Out out, const RunResults& results) {
  fmt::format_to(out, "# SmallMind Profiling Metrics Summary\n\n");
  fmt::format_to(out, "**Generated:** {}  \n", results.profile.generated);
  if (results.baseline) {
    fmt::format_to(out, "**Baseline:** {} ({})\n\n", results.baseline->comparison.smallmind.previous_generated,
                   markdown_code(results.baseline->profile_path));
  } else {
    fmt::format_to(out, "**Baseline:** none (`--no-baseline`): the figures below are this run's only\n\n");
  }
}

void write_key_metrics(Out out, const RunResults& results) {
  fmt::format_to(out, "## 📊 Key Metrics\n\n");
  fmt::format_to(out, "| Metric | Baseline | Current | Change | |\n|--------|----------|---------|--------|---|\n");
  for (const MetricRow& row : key_metrics(results)) {
    const auto figure = [&row](const std::optional<double>& value) {
      return value ? fixed(*value, row.decimals) : std::string("–");
    };
    fmt::format_to(out, "| {} | {} | {} | {} | {} |\n", row.name, figure(row.baseline), figure(row.current),
                   row.change_pct ? percent_text(row.change_pct, true) : "–",
                   row.change_pct ? marker(row.direction) : "");
  }
  if (results.baseline) {
    const GateResult& gate = results.baseline->comparison.gate;
    fmt::format_to(out,
                   "\n🔴 worse / 🟢 better by more than the gate's threshold ({}% for times and throughput, {}% for "
                   "allocations), ⚪ within it; a scope's marker is the gate's verdict{}.\n",
                   fixed(gate.options.threshold_pct, 1), fixed(gate.options.alloc_threshold_pct, 1),
                   is_statistical(gate.method)
                       ? fmt::format(" (significant changes only, Holm alpha {})", compact(gate.options.alpha))
                       : " by the same threshold");
  }
  fmt::format_to(out, "\n");
}

void write_verdict(Out out, const ComparisonRecord& record) {
  fmt::format_to(out, "## 🎯 Verdict\n\n");
  fmt::format_to(out, "{} {}\n\n", verdict_icon(record.gate.verdict), render_verdict_line(record));
  fmt::format_to(out, "{}: {}. Details: [current-vs-baseline-comparison.md](current-vs-baseline-comparison.md).\n\n",
                 is_statistical(record.gate.method) ? "Scopes" : "Methods", counts_text(record.gate));
}

std::string verdict_cell(const ComparisonRecord& record, const ScopeComparison& method) {
  const Direction direction = judge_scope(record, method);
  const GateResult& gate = record.gate;
  for (const ScopeStatistics& stats : gate.scopes) {
    if (stats.name == method.name) return scope_verdict_text(stats);  // carries its own marker
  }
  return fmt::format("{} {} {:.1f}%", marker(direction), direction == Direction::within ? "within" : "beyond",
                     gate.options.threshold_pct);
}

void write_scope_table(Out out, const ComparisonRecord& record, const std::vector<const ScopeComparison*>& methods) {
  fmt::format_to(out, "| Scope | Baseline (ms) | Current (ms) | Change | Verdict |\n"
                      "|-------|---------------|--------------|--------|---------|\n");
  for (const ScopeComparison* method : methods) {
    fmt::format_to(out, "| {} | {} | {} | {} | {} |\n", markdown_code(method->name), fixed(method->previous_ms, 2),
                   fixed(method->current_ms, 2), percent_text(method->change_pct, true),
                   verdict_cell(record, *method));
  }
  fmt::format_to(out, "\n");
}

// One ranked list of scopes: a heading, then the table or the sentence that none moved this way.
struct RankedSection {
  std::string_view heading;
  std::string_view moved;  // "got slower"
  std::string_view ranked;  // "largest slowdowns"
};

void write_ranked_section(Out out, const ComparisonRecord& record, const RankedSection& section,
                          const std::vector<const ScopeComparison*>& methods) {
  fmt::format_to(out, "## {}\n\n", section.heading);
  const std::size_t compared = record.smallmind.scopes.size();
  if (methods.empty()) {
    fmt::format_to(out, "None of the {} compared scopes {}.\n\n", compared, section.moved);
    return;
  }
  fmt::format_to(out, "The {} {} of the {} compared scopes:\n\n", methods.size(), section.ranked, compared);
  write_scope_table(out, record, methods);
}

void write_extremes(Out out, const ComparisonRecord& record) {
  std::vector<const ScopeComparison*> slower;
  std::vector<const ScopeComparison*> faster;
  for (const ScopeComparison& method : record.smallmind.scopes) {
    if (!method.change_pct) continue;
    if (*method.change_pct > 0.0) slower.push_back(&method);
    if (*method.change_pct < 0.0) faster.push_back(&method);
  }
  const auto by_change = [](const auto* a, const auto* b) { return *a->change_pct > *b->change_pct; };
  std::stable_sort(slower.begin(), slower.end(), by_change);
  std::stable_sort(faster.rbegin(), faster.rend(), by_change);
  if (slower.size() > kSummaryListedScopes) slower.resize(kSummaryListedScopes);
  if (faster.size() > kSummaryListedScopes) faster.resize(kSummaryListedScopes);

  write_ranked_section(out, record, {"⚠️ Worst Regressions", "got slower", "largest slowdowns"}, slower);
  write_ranked_section(out, record, {"🚀 Best Improvements", "got faster", "largest speed-ups"}, faster);
}

void write_findings(Out out, const RunResults& results) {
  fmt::format_to(out, "## 🔍 Findings\n\n");
  for (const std::string& finding : derive_findings(results)) fmt::format_to(out, "- {}\n", finding);
  fmt::format_to(out, "\n");
}

void write_charts(Out out, const RunResults& results) {
  const bool change = results.baseline && scope_change_svg(*results.baseline);
  const bool share = time_share_chart(results.profile).has_value();
  const bool peak = peak_chart(results.profile).has_value();
  const bool roofline = roofline_svg(results.profile).has_value();
  if (!change && !share && !peak && !roofline) return;
  fmt::format_to(out, "## 📈 Charts\n\n");
  if (change) fmt::format_to(out, "![Time change per scope, current vs baseline]({0})\n\n", kScopeChangeChartFile);
  if (share) fmt::format_to(out, "![Where the time goes: each top-level scope's share]({0})\n\n", kTimeShareChartFile);
  if (roofline) fmt::format_to(out, "![Roofline: GFLOPS against arithmetic intensity per kernel scope]({0})\n\n", kRooflineChartFile);
  if (peak) fmt::format_to(out, "![Share of the measured peak per scope]({0})\n\n", kPeakChartFile);
}

}  // namespace

std::string render_run_summary(const RunResults& results) {
  std::string text;
  const Out out(text);
  write_header(out, results);
  write_key_metrics(out, results);
  if (results.baseline) {
    write_verdict(out, results.baseline->comparison);
    write_extremes(out, results.baseline->comparison);
  }
  write_findings(out, results);
  write_charts(out, results);
  fmt::format_to(out, "Every file of this directory, the command that wrote it and the environment are listed in "
                      "[README.md](README.md).\n");
  return text;
}

}  // namespace smp::report
