#include "app/jobs/scope_percent.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

#include "report/common/errors.hpp"

namespace smp::app {

std::optional<double> parse_percent(std::string_view text) {
  if (text.ends_with('%')) text.remove_suffix(1);
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  if (!std::isfinite(value) || value < 0.0) return std::nullopt;
  return value;
}

ScopePercent parse_scope_percent(const std::string& text, std::string_view option) {
  const std::size_t equals = text.rfind('=');
  const std::string usage = std::string(option) + " '" + text + "': expected SCOPE=PERCENT, e.g. GELU_1000000=10";
  if (equals == std::string::npos || equals == 0) throw UsageError(usage);
  const std::optional<double> percent = parse_percent(std::string_view(text).substr(equals + 1));
  if (!percent || !(*percent > 0.0 && *percent <= 1000.0)) {
    throw UsageError(usage + " with a percentage above 0 and at most 1000");
  }
  return {text.substr(0, equals), *percent};
}

}  // namespace smp::app
