#pragma once
// Number formatting shared by the comparison writers. Figures are printed
// as fmt's "{:.2f}" (printf's "%.2f"): correctly rounded from the binary
// value, never from a previously rounded display value. A missing figure (a division by zero
// avoided upstream) prints as "n/a", never inf or NaN.
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace smp::report {

inline std::string fixed(double value, int decimals) { return fmt::format("{:.{}f}", value, decimals); }

// SmallMind's sign rule: "+" before any non-negative figure.
inline std::string signed_fixed(double value, int decimals) {
  return fmt::format("{}{:.{}f}", value >= 0.0 ? "+" : "", value, decimals);
}

// Shortest natural form, for settings such as alpha = 0.01.
inline std::string compact(double value) { return fmt::format("{:g}", value); }

inline constexpr std::string_view kNotAvailable = "n/a";

inline std::string fixed_or_na(const std::optional<double>& value, int decimals) {
  return value ? fixed(*value, decimals) : std::string(kNotAvailable);
}

// A percentage with one decimal and "%", optionally with SmallMind's "+".
inline std::string percent_text(const std::optional<double>& pct, bool with_sign) {
  if (!pct) return std::string(kNotAvailable);
  return fmt::format("{}%", with_sign ? signed_fixed(*pct, 1) : fixed(*pct, 1));
}

}  // namespace smp::report
