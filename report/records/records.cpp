#include "report/records/records.hpp"

#include <algorithm>

#include "report/common/units.hpp"
#include "report/records/stats.hpp"

namespace smp::report {

double ScopeRecord::time_ms() const { return has_samples() ? median(inclusive_ms) : printed_time_ms; }

double ScopeRecord::avg_ms() const {
  if (!has_samples()) return printed_avg_ms;
  return calls > 0 ? time_ms() / static_cast<double>(calls) : 0.0;
}

double ScopeRecord::alloc_mb() const {
  return has_samples() ? static_cast<double>(alloc_bytes) / kBytesPerMiB : printed_alloc_mb;
}

std::size_t ScopeRecord::process_count() const {
  if (sample_process.empty()) return has_samples() ? 1 : 0;
  return static_cast<std::size_t>(*std::max_element(sample_process.begin(), sample_process.end())) + 1;
}

std::vector<std::vector<double>> ScopeRecord::process_samples_ms() const {
  std::vector<std::vector<double>> by_process(process_count());
  for (std::size_t i = 0; i < inclusive_ms.size(); ++i) {
    by_process[sample_process.empty() ? 0 : sample_process[i]].push_back(inclusive_ms[i]);
  }
  return by_process;
}

std::vector<double> ScopeRecord::process_medians_ms() const {
  std::vector<double> medians;
  for (const std::vector<double>& samples : process_samples_ms()) {
    if (!samples.empty()) medians.push_back(median(samples));
  }
  return medians;
}

}  // namespace smp::report
