#include "report/results_dir/findings.hpp"
#include "report/common/text_escape.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <optional>

#include <fmt/format.h>

#include "report/analysis/alloc_analysis.hpp"
#include "report/formats/name_list.hpp"
#include "report/formats/number_format.hpp"
#include "report/analysis/percent_of_peak.hpp"
#include "report/analysis/time_share.hpp"
#include "report/records/stats.hpp"
#include "report/common/workload.hpp"
#include "report/records/find_by_name.hpp"
#include "report/common/units.hpp"

namespace smp::report {
namespace {

constexpr double kFullPeakPercent = 100.0;

// "grew by 3.2%", "shrank by 1.0%", "did not change" — from the figures.
std::string change_words(double previous, double current) {
  if (current == previous) return "did not change";
  if (previous == 0.0) return "grew from nothing";
  const double pct = (current - previous) / previous * 100.0;
  return fmt::format("{} by {:.1f}%", pct > 0.0 ? "grew" : "shrank", std::fabs(pct));
}

// 3454464 -> "3,454,464", as SmallMind prints parameter counts.
std::string grouped(std::int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
  return (value < 0 ? "-" : "") + digits;
}

std::optional<std::string> peak_finding(const ProfileRecord& profile) {
  if (!profile.context) return std::nullopt;
  const RunContext& env = *profile.context;
  if (env.measured.peak_gflops <= 0.0 || env.measured.peak_gbps <= 0.0) {
    return std::string("No scope is placed against the machine's peak: this run skipped the peak calibration "
                       "(--no-peak).");
  }
  const std::vector<PeakRow> rows = percent_of_peak(profile);
  if (rows.empty()) return std::nullopt;
  const std::string machine = fmt::format("this machine's measured peak ({:.1f} GFLOPS FMA on one core, {:.1f} GB/s "
                                          "memory read)",
                                          env.measured.peak_gflops, env.measured.peak_gbps);
  std::vector<std::string> low;
  for (const PeakRow& row : rows) {
    if (*row.roofline.percent_of_peak >= kLowPeakPercent) break;
    low.push_back(fmt::format("{} {:.1f}% ({}-bound, {})", markdown_code(row.name), *row.roofline.percent_of_peak,
                              row.roofline.bound, achieved_text(row.roofline)));
  }
  std::string text;
  if (low.empty()) {
    text = fmt::format("All {} scopes with a work model reach at least {:.0f}% of {}; the lowest is {} at {:.1f}%.",
                       rows.size(), kLowPeakPercent, machine, markdown_code(rows.front().name),
                       *rows.front().roofline.percent_of_peak);
  } else {
    text = fmt::format("{} of {} scopes with a work model run below {:.0f}% of {}: {}.", low.size(), rows.size(),
                       kLowPeakPercent, machine, name_list(low));
  }
  // Above 100 % a scope's data stayed in cache: the memory-read figure does not bound it.
  const auto first_above = std::find_if(rows.begin(), rows.end(), [](const PeakRow& row) {
    return *row.roofline.percent_of_peak > kFullPeakPercent;
  });
  if (first_above != rows.begin()) {
    const PeakRow& best = *std::prev(first_above);
    text += fmt::format(" The closest to its peak is {} at {:.1f}% of the {} peak ({}).", markdown_code(best.name),
                        *best.roofline.percent_of_peak, best.roofline.bound, achieved_text(best.roofline));
  }
  if (first_above != rows.end()) {
    std::vector<std::string> above;
    for (auto row = first_above; row != rows.end(); ++row) {
      above.push_back(fmt::format("{} {:.1f}%", markdown_code(row->name), *row->roofline.percent_of_peak));
    }
    text += fmt::format(" {} scope(s) exceed 100% of the memory-read figure because their data stays in cache: {}.",
                        above.size(), name_list(above));
  }
  return text;
}

std::optional<double> model_time_ratio(const ProfileRecord& profile) {
  const ScopeRecord* small = find_by_name(profile.scopes, "Model_Small_Inference");
  const ScopeRecord* medium = find_by_name(profile.scopes, "Model_Medium_Inference");
  if (!small || !medium || small->time_ms() <= 0.0) return std::nullopt;
  return medium->time_ms() / small->time_ms();
}

std::optional<std::string> scaling_finding(const RunResults& results) {
  const std::optional<double> time_ratio = model_time_ratio(results.profile);
  if (!time_ratio) return std::nullopt;
  const ScopeRecord& small = *find_by_name(results.profile.scopes, "Model_Small_Inference");
  const ScopeRecord& medium = *find_by_name(results.profile.scopes, "Model_Medium_Inference");
  const std::vector<ModelInfo> no_models;
  const std::vector<ModelInfo>& models = results.profile.context ? results.profile.context->measured.models : no_models;
  const ModelInfo* small_model = find_by_name(models, "Small");
  const ModelInfo* medium_model = find_by_name(models, "Medium");
  std::string text;
  if (small_model && medium_model && small_model->parameters > 0) {
    const double parameter_ratio =
        static_cast<double>(medium_model->parameters) / static_cast<double>(small_model->parameters);
    const double per_parameter = *time_ratio / parameter_ratio;
    const char* pace = per_parameter > 1.0 + kProportionalScalingBand   ? "faster than"
                       : per_parameter < 1.0 - kProportionalScalingBand ? "slower than"
                                                                          : "in proportion to";
    text = fmt::format(
        "Medium has {:.2f}× Small's parameters ({} vs {}) and took {:.2f}× as long to generate {:.0f} tokens "
        "({:.2f} ms vs {:.2f} ms): time grew {} the parameter count (time per parameter {:.2f}× Small's).",
        parameter_ratio, grouped(medium_model->parameters), grouped(small_model->parameters), *time_ratio, double(kGeneratedTokens), medium.time_ms(),
        small.time_ms(), pace, per_parameter);
  } else {
    text = fmt::format("Medium took {:.2f}× as long as Small to generate {:.0f} tokens ({:.2f} ms vs {:.2f} ms).",
                       *time_ratio, double(kGeneratedTokens), medium.time_ms(), small.time_ms());
  }
  if (results.baseline) {
    if (const std::optional<double> before = model_time_ratio(results.baseline->profile)) {
      text += fmt::format(" In the baseline the ratio was {:.2f}×.", *before);
    }
  }
  return text;
}

std::vector<std::string> allocation_per_token_findings(const RunResults& results) {
  std::vector<std::string> findings;
  for (const char* model : {"Small", "Medium"}) {
    const std::string name = fmt::format("Model_{}_Inference", model);
    const ScopeRecord* current = find_by_name(results.profile.scopes, name);
    if (!current) continue;
    const auto bytes_per_token = [](const ScopeRecord& scope) { return scope.alloc_mb() * kBytesPerMiB / kGeneratedTokens; };
    std::string text = fmt::format("{}'s generation allocates {:.0f} bytes of heap per generated token ({:.2f} MB over "
                                   "{:.0f} tokens)",
                                   model, bytes_per_token(*current), current->alloc_mb(), double(kGeneratedTokens));
    const ScopeRecord* previous = results.baseline ? find_by_name(results.baseline->profile.scopes, name) : nullptr;
    if (previous) {
      text += fmt::format("; against the baseline's {:.0f} bytes per token it {}", bytes_per_token(*previous),
                          change_words(previous->alloc_mb(), current->alloc_mb()));
    }
    findings.push_back(text + ".");
  }
  return findings;
}

std::optional<std::string> time_share_finding(const ProfileRecord& profile) {
  const TimeShares shares = top_level_time_shares(profile);
  if (shares.scopes.size() < 2) return std::nullopt;
  const TimeShare& first = shares.scopes[0];
  const TimeShare& second = shares.scopes[1];
  return fmt::format("{} takes {:.1f}% of the top-level time ({:.2f} of {:.2f} ms over {} top-level scopes); the "
                     "next is {} at {:.1f}%.",
                     markdown_code(first.name), first.percent, first.time_ms, shares.total_ms, shares.scopes.size(),
                     markdown_code(second.name), second.percent);
}

std::optional<std::string> noise_finding(const ProfileRecord& profile) {
  struct Spread {
    const ScopeRecord* scope;
    Summary summary;
    double relative;
  };
  std::vector<Spread> spreads;
  for (const ScopeRecord& scope : profile.scopes) {
    if (scope.inclusive_ms.size() < 2) continue;
    const Summary summary = summarise(scope.inclusive_ms);
    if (summary.median > 0.0) spreads.push_back({&scope, summary, summary.mad / summary.median * 100.0});
  }
  if (spreads.empty()) return std::nullopt;
  const auto [quietest, noisiest] = std::minmax_element(
      spreads.begin(), spreads.end(), [](const Spread& a, const Spread& b) { return a.relative < b.relative; });
  return fmt::format("The noisiest scope is {}: its MAD is {:.1f}% of its median over {} repetitions ({:.4f} of "
                     "{:.4f} ms), so changes of that size there are hard to tell from noise; the steadiest is {} "
                     "at {:.1f}%.",
                     markdown_code(noisiest->scope->name), noisiest->relative, noisiest->scope->inclusive_ms.size(),
                     noisiest->summary.mad, noisiest->summary.median, markdown_code(quietest->scope->name),
                     quietest->relative);
}

const AllocWorkloadRecord* find_workload(const AllocationRecord& record, AllocWorkload kind) {
  const auto it = std::find_if(record.workloads.begin(), record.workloads.end(),
                               [&](const AllocWorkloadRecord& w) { return w.workload == kind; });
  return it == record.workloads.end() ? nullptr : &*it;
}

std::vector<std::string> pool_findings(const RunResults& results) {
  std::vector<std::string> findings;
  for (const AllocWorkloadRecord& workload : results.alloc.workloads) {
    const bool training = workload.workload == AllocWorkload::training;
    const char* label = training ? "the training loop" : "MatMul backward";
    const char* unit = training ? "step" : "iteration";
    const AllocAnalysis analysis = analyse_allocations(workload);
    std::string text;
    if (analysis.measured_reduction_percent) {
      text = fmt::format("The buffer pool cuts {}'s heap traffic by {:.1f}% ({:.2f} MB without it vs {:.2f} MB with it "
                         "over {} {}s)",
                         label, *analysis.measured_reduction_percent, *analysis.pool_off_bytes / kBytesPerMiB,
                         *analysis.pool_on_bytes / kBytesPerMiB, workload.iterations, unit);
    } else if (analysis.pool_on_bytes) {
      text = fmt::format("With the pool on, {} allocates {:.2f} MB over {} {}s (the pool-off run was not requested)",
                         label, *analysis.pool_on_bytes / kBytesPerMiB, workload.iterations, unit);
    } else {
      continue;
    }
    const AllocWorkloadRecord* before =
        results.baseline && results.baseline->alloc ? find_workload(*results.baseline->alloc, workload.workload) : nullptr;
    if (before && analysis.pool_on_bytes && workload.iterations > 0 && before->iterations > 0) {
      if (const std::optional<double> before_bytes = analyse_allocations(*before).pool_on_bytes) {
        const double previous = *before_bytes / before->iterations / kBytesPerKiB;
        const double current = *analysis.pool_on_bytes / workload.iterations / kBytesPerKiB;
        text += fmt::format("; per {} with the pool on it {} against the baseline ({:.2f} KB → {:.2f} KB)", unit,
                            change_words(previous, current), previous, current);
      }
    }
    findings.push_back(text + ".");
  }
  return findings;
}

std::optional<std::string> largest_change_finding(const RunResults& results) {
  if (!results.baseline) return std::nullopt;
  const SmallMindComparison& smallmind = results.baseline->comparison.smallmind;
  if (smallmind.scopes.empty()) return std::nullopt;
  const ScopeComparison& largest = smallmind.scopes.front();  // sorted by |delta|
  std::string text = fmt::format("The largest absolute change is {}: {} ms ({}, {:.2f} → {:.2f} ms)",
                                 markdown_code(largest.name),
                                 signed_fixed(largest.delta_ms, 2), percent_text(largest.change_pct, true),
                                 largest.previous_ms, largest.current_ms);
  if (smallmind.runtime_ms.delta != 0.0) {
    text += fmt::format(", against a change of {} ms in SmallMind's total runtime",
                        signed_fixed(smallmind.runtime_ms.delta, 2));
  }
  return text + ".";
}

std::optional<std::string> environment_finding(const RunResults& results) {
  if (!results.baseline || results.baseline->comparison.gate.environment.empty()) return std::nullopt;
  std::vector<std::string> differences;
  for (const EnvironmentDifference& d : results.baseline->comparison.gate.environment) {
    differences.push_back(fmt::format("{} '{}' vs '{}'", d.field, d.previous, d.current));
  }
  return fmt::format("The baseline was measured in another environment ({}), so the changes above include the "
                     "difference between the two setups, not only the code's.",
                     name_list(differences));
}

}  // namespace

std::vector<std::string> derive_findings(const RunResults& results) {
  std::vector<std::string> findings;
  const auto add = [&findings](std::optional<std::string> finding) {
    if (finding) findings.push_back(std::move(*finding));
  };
  add(environment_finding(results));
  add(largest_change_finding(results));
  add(peak_finding(results.profile));
  add(scaling_finding(results));
  for (std::string& finding : allocation_per_token_findings(results)) findings.push_back(std::move(finding));
  add(time_share_finding(results.profile));
  add(noise_finding(results.profile));
  for (std::string& finding : pool_findings(results)) findings.push_back(std::move(finding));
  return findings;
}

}  // namespace smp::report
