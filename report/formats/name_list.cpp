#include "report/formats/name_list.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

namespace smp::report {

std::string name_list(const std::vector<std::string>& names) {
  const auto shown = static_cast<std::ptrdiff_t>(std::min(names.size(), kNamesShown));
  std::string text = fmt::format("{}", fmt::join(names.begin(), names.begin() + shown, ", "));
  if (names.size() > kNamesShown) fmt::format_to(std::back_inserter(text), " and {} more", names.size() - kNamesShown);
  return text;
}

}  // namespace smp::report
