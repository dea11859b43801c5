// The markdown report parser (SmallMind's enhanced and older standard/deep
// tables, and ours) on arbitrary bytes.
#include <cstddef>
#include <cstdint>

#include "fuzz_inputs.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  smp::fuzz::markdown_report_input({reinterpret_cast<const char*>(data), size});
  return 0;
}
