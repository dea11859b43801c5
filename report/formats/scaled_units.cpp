#include "report/formats/scaled_units.hpp"

#include <array>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "report/common/units.hpp"

namespace smp::report {
namespace {

struct Unit {
  std::string_view name;
  double size;  // in the input's unit
};

// Three significant digits: 1.23, 12.3, 123.
std::string three_digits(double value, std::string_view unit) {
  const double magnitude = std::fabs(value);
  const int decimals = magnitude < 10.0 ? 2 : magnitude < 100.0 ? 1 : 0;
  return fmt::format("{:.{}f} {}", value, decimals, unit);
}

// The largest unit the value is at least one of (the smallest for zero).
template <std::size_t N>
std::string scaled(double value, const std::array<Unit, N>& units) {
  const Unit* chosen = &units.front();
  for (const Unit& unit : units) {
    if (std::fabs(value) >= unit.size) chosen = &unit;
  }
  // Rounding can carry into the next unit (999.7 ns reads 1.00 µs).
  const double in_unit = value / chosen->size;
  if (std::fabs(in_unit) >= 999.5 && chosen != &units.back()) ++chosen;
  return three_digits(value / chosen->size, chosen->name);
}

}  // namespace

std::string duration_text(double ms) {
  static constexpr std::array<Unit, 4> kUnits{{{"ns", 1.0 / kNsPerMs},
                                               {"µs", 1e3 / kNsPerMs},
                                               {"ms", 1.0},
                                               {"s", kMsPerSecond}}};
  return scaled(ms, kUnits);
}

std::string bytes_text(double bytes) {
  static constexpr std::array<Unit, 4> kUnits{
      {{"B", 1.0}, {"KiB", kBytesPerKiB}, {"MiB", kBytesPerMiB}, {"GiB", kBytesPerMiB * kBytesPerKiB}}};
  return scaled(bytes, kUnits);
}

std::string exact_number(double value) { return fmt::format("{}", value); }

}  // namespace smp::report
