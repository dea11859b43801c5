#pragma once
// "SCOPE=PCT" option values (--inject-slowdown, --accept-slowdown), parsed once.
#include <string>
#include <string_view>

namespace smp::app {

struct ScopePercent {
  std::string scope;
  double percent = 0.0;
};

// 0 < PCT <= 1000; UsageError naming `option` and the text otherwise.
ScopePercent parse_scope_percent(const std::string& text, std::string_view option);

}  // namespace smp::app
