#pragma once
// The scopes of a profile that carry a work model, with where each sits
// against the machine's measured peak; shared by the summary's findings and
// the % of peak chart so both name the same scopes and figures.
#include <string>
#include <vector>

#include "report/records/records.hpp"
#include "report/analysis/roofline.hpp"

namespace smp::report {

// Below this share of the binding peak a scope is reported as far from it.
inline constexpr double kLowPeakPercent = 25.0;

struct PeakRow {
  std::string name;
  Roofline roofline;  // percent_of_peak always set
};

// Empty when the peak was not measured; otherwise ascending by % of peak,
// ties in the report's order.
std::vector<PeakRow> percent_of_peak(const ProfileRecord& profile);

// "12.34 GFLOPS" for a compute-bound scope, "5.67 GB/s" for a memory-bound one.
std::string achieved_text(const Roofline& roofline);

}  // namespace smp::report
