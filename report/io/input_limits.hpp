#pragma once
// What every reader accepts: size and row limits, and the rule for a measured
// figure. Shared so markdown and JSON inputs are refused for the same reasons.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace smp::report {

// Reports are a few KiB; anything this large is a wrong path, not a report.
inline constexpr std::uintmax_t kMaxInputBytes = std::uintmax_t{64} << 20;
// More rows than any profile has: a guard against pathological inputs.
inline constexpr std::size_t kMaxReportRows = 100'000;

// Why `value` cannot be a measurement (finite, not negative), or nothing.
inline std::optional<std::string> measurement_problem(double value) {
  if (std::isnan(value)) return "is not a number";
  if (std::isinf(value)) return "is infinite";
  if (value < 0.0) return "is negative";
  return std::nullopt;
}

}  // namespace smp::report
