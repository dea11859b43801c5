#pragma once
// Builds a string by appending each part in turn. Used where the first part
// is a literal and the next a temporary string: `"(" + f()` inserts at the
// front of the temporary, which GCC 12 misreports under -Wrestrict at -O3.
#include <string>
#include <string_view>

namespace smp::report {

template <class... Parts>
std::string join(const Parts&... parts) {
  std::string text;
  (text.append(std::string_view(parts)), ...);
  return text;
}

}  // namespace smp::report
