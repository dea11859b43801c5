#pragma once
// The names of every file the tool writes, named once.
#include <string_view>

namespace smp {

inline constexpr std::string_view kProfileMarkdownFile = "enhanced-profile-report.md";
inline constexpr std::string_view kProfileJsonFile = "enhanced-profile-report.json";
inline constexpr std::string_view kGbenchExportFile = "enhanced-profile-report.gbench.json";
inline constexpr std::string_view kGithubExportFile = "enhanced-profile-report.github-benchmark.json";
inline constexpr std::string_view kBencherExportFile = "enhanced-profile-report.bencher.json";
inline constexpr std::string_view kAllocTextFile = "allocation-profile.txt";
inline constexpr std::string_view kAllocJsonFile = "allocation-profile.json";
inline constexpr std::string_view kComparisonMarkdownFile = "current-vs-baseline-comparison.md";
inline constexpr std::string_view kComparisonJsonFile = "current-vs-baseline-comparison.json";
inline constexpr std::string_view kAbMarkdownFile = "ab-comparison.md";
inline constexpr std::string_view kAbJsonFile = "ab-comparison.json";
inline constexpr std::string_view kRunSummaryFile = "PROFILING_METRICS_SUMMARY.md";
inline constexpr std::string_view kRunIndexFile = "README.md";
inline constexpr std::string_view kRunLogFile = "profiling-output.log";
inline constexpr std::string_view kScopeChangeChartFile = "scope-change.svg";
inline constexpr std::string_view kPeakChartFile = "percent-of-peak.svg";
inline constexpr std::string_view kRooflineChartFile = "roofline.svg";
inline constexpr std::string_view kRepetitionChartFile = "repetitions.svg";
inline constexpr std::string_view kTimeShareChartFile = "time-share.svg";
inline constexpr std::string_view kBaselineIndexFile = "index.json";  // of a baselines directory

}  // namespace smp
