// Our JSON profile reader on arbitrary bytes.
#include <cstddef>
#include <cstdint>

#include "fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  smp::fuzz::json_profile_input({reinterpret_cast<const char*>(data), size});
  return 0;
}
