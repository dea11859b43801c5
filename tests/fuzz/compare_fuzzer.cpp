// compare on two fuzzed reports (PREV NUL CURR), rendered every way.
#include <cstddef>
#include <cstdint>

#include "fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  smp::fuzz::compare_input({reinterpret_cast<const char*>(data), size});
  return 0;
}
