// compare on two fuzzed reports of any format: the input is PREV and CURR
// separated by the first NUL byte (which no accepted report contains); every
// rendering of the comparison is produced, with both gates on.
#include "fuzz_support.hpp"
#include "report/compare.hpp"
#include "report/comparison_json.hpp"
#include "report/read_report.hpp"
#include "report/render_comparison.hpp"

namespace {

using namespace smp;

std::optional<report::ProfileRecord> parsed(std::string_view bytes) {
  const auto text = fuzz::accepted_text(bytes);
  if (!text) return std::nullopt;
  try {
    return report::parse_report(*text, fuzz::kInputPath);
  } catch (const InputError&) {
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::as_text(data, size);
  const std::size_t split = input.find('\0');
  if (split == std::string_view::npos) return 0;
  const auto previous = parsed(input.substr(0, split));
  if (!previous) return 0;
  const auto current = parsed(input.substr(split + 1));
  if (!current) return 0;

  report::GateOptions options;
  options.gate_alloc = true;
  const report::ComparisonRecord record = report::compare_profiles(*previous, *current, options);
  report::render_comparison_markdown(record);
  report::comparison_to_json(record);
  report::render_job_summary(record);
  report::render_verdict_line(record);
  return 0;
}
