#include "kernels/cache_size.hpp"

#include <unistd.h>

namespace smp::kernels {

std::size_t core_l2_bytes() {
  constexpr std::size_t kUnreported = std::size_t{1} << 20;
  static const std::size_t bytes = [] {
    const long reported = sysconf(_SC_LEVEL2_CACHE_SIZE);
    return reported > 0 ? static_cast<std::size_t>(reported) : kUnreported;
  }();
  return bytes;
}

}  // namespace smp::kernels
