// Our JSON profile reader on arbitrary text.
#include "fuzz_support.hpp"
#include "report/json_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = smp::fuzz::accepted_text(smp::fuzz::as_text(data, size));
  if (!text) return 0;
  try {
    smp::fuzz::check_profile(smp::report::profile_from_json(*text, smp::fuzz::kInputPath));
  } catch (const smp::InputError&) {
  }
  return 0;
}
