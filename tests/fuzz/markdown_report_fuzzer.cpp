// The markdown report parser (SmallMind's enhanced and older standard/deep
// tables, and ours) on arbitrary text.
#include "fuzz_support.hpp"
#include "report/markdown_parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = smp::fuzz::accepted_text(smp::fuzz::as_text(data, size));
  if (!text) return 0;
  try {
    smp::fuzz::check_profile(smp::report::parse_markdown_report(*text, smp::fuzz::kInputPath));
  } catch (const smp::InputError&) {
  }
  return 0;
}
