#include "app/outputs/profile_exports.hpp"

#include <algorithm>

#include "report/exports/bencher_export.hpp"
#include "report/exports/gbench_export.hpp"
#include "report/exports/github_benchmark_export.hpp"
#include "report/common/file_names.hpp"

namespace smp::app {

std::vector<OutputFile> profile_exports(const report::ProfileRecord& profile, const std::vector<std::string>& formats) {
  const auto wanted = [&formats](std::string_view format) {
    return std::find(formats.begin(), formats.end(), format) != formats.end();
  };
  std::vector<OutputFile> files;
  if (wanted("gbench")) {
    files.push_back({std::string(kGbenchExportFile),
                     "the profile as Google Benchmark JSON (github-action-benchmark `googlecpp`, compare.py)",
                     report::profile_to_gbench_json(profile)});
  }
  if (wanted("github")) {
    files.push_back({std::string(kGithubExportFile),
                     "the profile for github-action-benchmark (`tool: customSmallerIsBetter`)",
                     report::profile_to_github_benchmark_json(profile)});
  }
  if (wanted("bencher")) {
    files.push_back({std::string(kBencherExportFile),
                     "the profile in Bencher Metric Format (`bencher run --adapter json`)",
                     report::profile_to_bencher_json(profile)});
  }
  return files;
}

}  // namespace smp::app
