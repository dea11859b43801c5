// The profile's results table: one row per scope, in the report's order.
#include <map>
#include <string>

#include <fmt/format.h>

#include "report/analysis/roofline.hpp"
#include "report/formats/results_table.hpp"
#include "report/formats/table_cells.hpp"
#include "report/records/stats.hpp"

namespace smp::report {
namespace {

Cell number_cell(double value, int decimals) { return {fmt::format("{:.{}f}", value, decimals), exact_number(value)}; }

// How many scopes enclose this one (a scope with several parents counts one level).
std::size_t depth_of(const ScopeRecord& scope, const std::map<std::string, const ScopeRecord*>& by_name) {
  std::size_t depth = 0;
  for (const ScopeRecord* at = &scope; !at->parents.empty() && depth < by_name.size(); ++depth) {
    const auto parent = at->parents.size() == 1 ? by_name.find(at->parents.front()) : by_name.end();
    if (parent == by_name.end()) return depth + 1;
    at = parent->second;
  }
  return depth;
}

std::vector<Cell> scope_row(const ScopeRecord& scope, std::size_t depth, const std::optional<RunContext>& context) {
  const Summary time = summarise(scope.inclusive_ms);
  std::vector<Cell> row{{std::string(2 * depth, ' ') + scope.name, scope.name, Tone::plain},
                        {std::to_string(scope.calls), std::to_string(scope.calls)},
                        duration_cell(scope.time_ms()),
                        scope.inclusive_ms.size() > 1 ? duration_cell(time.mad) : empty_cell()};
  const std::optional<Roofline> roofline = context ? roofline_of(scope, *context) : std::nullopt;
  if (!roofline) {
    row.insert(row.end(), {empty_cell(), empty_cell(), empty_cell(), empty_cell()});
    return row;
  }
  row.push_back(roofline->gflops > 0.0 ? number_cell(roofline->gflops, 2) : empty_cell());
  row.push_back(roofline->gbps > 0.0 ? number_cell(roofline->gbps, 2) : empty_cell());
  if (roofline->percent_of_peak) {
    row.push_back({fmt::format("{:.1f}%", *roofline->percent_of_peak), exact_number(*roofline->percent_of_peak)});
    row.push_back({std::string(roofline->bound), std::string(roofline->bound)});
  } else {
    row.insert(row.end(), {empty_cell(), empty_cell()});
  }
  return row;
}

std::string samples_note(const ProfileRecord& profile) {
  if (!profile.context) return "Median of each scope's time per repetition of the suite.";
  const RunSettings& settings = profile.context->settings;
  return fmt::format(
      "Median and MAD (median absolute deviation, unscaled) of each scope's time per repetition of the suite, over {} "
      "repetition(s) in each of {} process(es) (— with a single sample); nested scopes are indented under the scope "
      "that holds them.",
      settings.repetitions, settings.processes);
}

}  // namespace

ResultsTable profile_table(const ProfileRecord& profile) {
  ResultsTable table;
  table.title = "Profile";
  table.columns = {{"Scope", "scope", Align::left},      {"Calls", "calls_per_repetition"},
                   {"Median", "median_ns"},              {"± MAD", "mad_ns"},
                   {"GFLOPS", "gflops"},                 {"GB/s", "gb_per_second"},
                   {"% peak", "percent_of_peak"},        {"Bound", "bound", Align::left}};
  std::map<std::string, const ScopeRecord*> by_name;
  for (const ScopeRecord& scope : profile.scopes) by_name.emplace(scope.name, &scope);
  for (const ScopeRecord& scope : profile.scopes) {
    table.rows.push_back(scope_row(scope, depth_of(scope, by_name), profile.context));
  }
  table.notes.push_back(samples_note(profile));
  table.notes.push_back(
      "GFLOPS and GB/s over the median time; % peak of the measured limit that binds the scope (compute when its "
      "arithmetic intensity is above the machine balance, memory otherwise).");
  return table;
}

}  // namespace smp::report
