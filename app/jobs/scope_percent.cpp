#include "app/jobs/scope_percent.hpp"

#include <charconv>
#include <system_error>

#include "report/common/errors.hpp"

namespace smp::app {

ScopePercent parse_scope_percent(const std::string& text, std::string_view option) {
  const std::size_t equals = text.rfind('=');
  const std::string usage = std::string(option) + " '" + text + "': expected SCOPE=PERCENT, e.g. GELU_1000000=10";
  if (equals == std::string::npos || equals == 0) throw UsageError(usage);
  double percent = 0.0;
  const std::string number = text.substr(equals + 1);
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), percent);
  if (error != std::errc{} || end != number.data() + number.size() || !(percent > 0.0 && percent <= 1000.0)) {
    throw UsageError(usage + " with a percentage above 0 and at most 1000");
  }
  return {text.substr(0, equals), percent};
}

}  // namespace smp::app
