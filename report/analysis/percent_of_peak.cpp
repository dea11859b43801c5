#include "report/analysis/percent_of_peak.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace smp::report {

std::vector<PeakRow> percent_of_peak(const ProfileRecord& profile) {
  std::vector<PeakRow> rows;
  if (!profile.context) return rows;
  for (const ScopeRecord& scope : profile.scopes) {
    const std::optional<Roofline> roofline = roofline_of(scope, *profile.context);
    if (roofline && roofline->percent_of_peak) rows.push_back({scope.name, *roofline});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const PeakRow& a, const PeakRow& b) {
    return *a.roofline.percent_of_peak < *b.roofline.percent_of_peak;
  });
  return rows;
}

std::string achieved_text(const Roofline& roofline) {
  return roofline.bound == "compute" ? fmt::format("{:.2f} GFLOPS", roofline.gflops)
                                     : fmt::format("{:.2f} GB/s", roofline.gbps);
}

}  // namespace smp::report
