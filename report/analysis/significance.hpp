#pragma once
// Combining per-scope tests: Holm's correction across the scopes a gate tests,
// and the geometric mean that summarises their ratios.
#include <span>
#include <vector>

namespace smp::report {

// Holm's step-down adjusted p-values, in the order given.
std::vector<double> holm_adjust(std::span<const double> p_values);

// exp(mean(log x)); every value must be positive.
double geometric_mean(std::span<const double> ratios);

}  // namespace smp::report
