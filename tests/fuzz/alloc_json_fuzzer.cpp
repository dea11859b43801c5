// The allocation JSON reader on arbitrary text, then both allocation writers
// on whatever it accepts: they derive the analysis from the figures read.
#include "fuzz_support.hpp"
#include "report/alloc_report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = smp::fuzz::accepted_text(smp::fuzz::as_text(data, size));
  if (!text) return 0;
  try {
    const smp::report::AllocationRecord record = smp::report::alloc_from_json(*text, smp::fuzz::kInputPath);
    smp::report::alloc_to_text(record);
    smp::report::alloc_to_json(record);
  } catch (const smp::InputError&) {
  }
  return 0;
}
