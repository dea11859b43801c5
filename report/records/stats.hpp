#pragma once
// Robust summaries of repeated measurements.
#include <span>

namespace smp::report {

struct Summary {
  double median = 0.0;
  double mad = 0.0;   // median absolute deviation from the median (unscaled)
  double min = 0.0;
  double max = 0.0;
};

double median(std::span<const double> samples);  // 0 for no samples
Summary summarise(std::span<const double> samples);

}  // namespace smp::report
