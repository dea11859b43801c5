#pragma once
// Percentages and "SCOPE=PCT" option values (--threshold, --inject-slowdown,
// --accept-slowdown, --threshold-for), parsed once.
#include <optional>
#include <string>
#include <string_view>

namespace smp::app {

struct ScopePercent {
  std::string scope;
  double percent = 0.0;
};

// A percentage written "5" or "5%": finite and 0 or more, else nothing.
std::optional<double> parse_percent(std::string_view text);

// 0 < PCT <= 1000 ("5" or "5%"); UsageError naming `option` and the text otherwise.
ScopePercent parse_scope_percent(const std::string& text, std::string_view option);

}  // namespace smp::app
