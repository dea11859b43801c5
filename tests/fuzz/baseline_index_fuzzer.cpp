// The baseline index reader on arbitrary bytes, with its writer and lookup.
#include <cstddef>
#include <cstdint>

#include "fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  smp::fuzz::baseline_index_input({reinterpret_cast<const char*>(data), size});
  return 0;
}
