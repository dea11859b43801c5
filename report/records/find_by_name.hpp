#pragma once
// The one lookup of a named record (scope, scope comparison, model) in a list.
#include <algorithm>
#include <string_view>
#include <vector>

namespace smp::report {

// The first item called `name`, or nullptr.
template <class Named>
const Named* find_by_name(const std::vector<Named>& items, std::string_view name) {
  const auto it = std::find_if(items.begin(), items.end(), [name](const Named& item) { return item.name == name; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace smp::report
