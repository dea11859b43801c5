#pragma once
// Section headings of the markdown profile reports, shared by our writer and
// the parser, which finds tables by them and tells a complete report from a
// cut one by the section each kind always ends with.
#include <string_view>

namespace smp::report {

// Both SmallMind formats and ours; the hot-paths table is the one between these two.
inline constexpr std::string_view kHotPathsHeading = "🔥 Hot Paths";
inline constexpr std::string_view kAllocatorsHeading = "💾 Top Allocators";

// The last section of each kind of report.
inline constexpr std::string_view kSmallMindEnhancedEnd = "## Analysis";       // SmallMind's enhanced report
inline constexpr std::string_view kSmallMindStandardEnd = "## 💡 Performance Insights";  // its older standard/deep report
inline constexpr std::string_view kOurEnd = "## 🖥️ Environment";               // ours

}  // namespace smp::report
