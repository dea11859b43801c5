#pragma once
// A roofline of the run: achieved GFLOPS against arithmetic intensity
// (FLOP per byte of memory traffic), both on log axes, under the ceilings
// the machine's measured peaks draw (the memory-bandwidth slope, then the FMA
// peak), one labelled point per kernel scope.
#include <optional>
#include <string>
#include <string_view>

#include "report/records/records.hpp"

namespace smp::report {

// The colours of the two bounds, in the roofline and the % of peak chart alike.
inline constexpr std::string_view kMemoryBoundColour = "#ef6c00";
inline constexpr std::string_view kComputeBoundColour = "#2e7d32";

// Empty when the peaks were not measured or no scope has a work model.
std::optional<std::string> roofline_svg(const ProfileRecord& profile);

}  // namespace smp::report
