#include "report/analysis/roofline.hpp"

#include "report/records/rates.hpp"

namespace smp::report {

std::optional<Roofline> roofline_of(const ScopeRecord& scope, const RunContext& environment) {
  if (scope.calls <= 0 || scope.time_ms() <= 0.0) return std::nullopt;
  if (scope.flops_per_call <= 0.0 && scope.bytes_per_call <= 0.0) return std::nullopt;
  const double calls = static_cast<double>(scope.calls);
  Roofline roofline;
  roofline.gflops = giga_per_second(scope.flops_per_call, calls, scope.time_ms());
  roofline.gbps = giga_per_second(scope.bytes_per_call, calls, scope.time_ms());
  const bool have_peaks = environment.measured.peak_gflops > 0.0 && environment.measured.peak_gbps > 0.0;
  const double machine_balance = have_peaks ? environment.measured.peak_gflops / environment.measured.peak_gbps : 0.0;
  const double intensity = scope.bytes_per_call > 0.0 ? scope.flops_per_call / scope.bytes_per_call : 1e300;
  const bool compute_bound = have_peaks ? intensity >= machine_balance : scope.flops_per_call > 0.0;
  roofline.bound = compute_bound ? "compute" : "memory";
  if (have_peaks) {
    roofline.percent_of_peak = compute_bound ? 100.0 * roofline.gflops / environment.measured.peak_gflops
                                             : 100.0 * roofline.gbps / environment.measured.peak_gbps;
  }
  return roofline;
}

}  // namespace smp::report
