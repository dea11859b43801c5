#include "app/jobs/suite_listing.hpp"

#include <fmt/format.h>

#include "report/formats/scaled_units.hpp"

namespace smp::app {
namespace {

report::Cell work_cell(double work) {
  if (work <= 0.0) return {"—", ""};
  return {fmt::format("{:.4g}", work), report::exact_number(work)};
}

}  // namespace

CommandOutput suite_listing(const SuitePlan& plan) {
  report::ResultsTable table;
  table.title = "Scopes";
  table.columns = {{"Case", "case"},
                   {"Scope", "scope", report::Align::left},
                   {"FLOP/call", "flop_per_call"},
                   {"Bytes/call", "bytes_per_call"},
                   {"FLOP/byte", "arithmetic_intensity"}};
  for (std::size_t number = 1; number <= plan.cases.size(); ++number) {
    const SuiteCase& suite_case = plan.cases[number - 1];
    const report::Work& work = suite_case.work_per_call;
    const double intensity = work.flops > 0.0 && work.bytes > 0.0 ? work.flops / work.bytes : 0.0;
    for (const std::string& name : suite_case.scope_names) {
      table.rows.push_back({{std::to_string(number), std::to_string(number)}, {name, name}, work_cell(work.flops),
                            work_cell(work.bytes), work_cell(intensity)});
    }
  }
  table.notes.push_back(fmt::format(
      "{} case(s), each run whole with all its scopes: --filter REGEX selects a case when one of its scope names "
      "matches, --filter-out REGEX drops it; work is per kernel call, — where a figure is not modelled (GELU and "
      "softmax count no FLOPs, the model cases carry no work model).",
      plan.cases.size()));
  CommandOutput output;
  output.tables.push_back(std::move(table));
  output.listing = true;
  return output;
}

}  // namespace smp::app
