// The allocation JSON reader and both allocation writers on arbitrary bytes.
#include <cstddef>
#include <cstdint>

#include "fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  smp::fuzz::alloc_json_input({reinterpret_cast<const char*>(data), size});
  return 0;
}
