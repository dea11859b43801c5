#pragma once
// The one definition of a relative change between two figures.
#include <optional>

namespace smp::report {

// (current - previous) / previous in percent; empty when previous is 0.
inline std::optional<double> percent_change(double previous, double current) {
  if (previous == 0.0) return std::nullopt;
  return (current - previous) / previous * 100.0;
}

}  // namespace smp::report
