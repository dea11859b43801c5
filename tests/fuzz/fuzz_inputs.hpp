#pragma once
// What each report fuzz target does with one input, shared with the test
// that replays every saved crash input (tests/report/test_fuzz_regressions.cpp).
// The bytes are first checked as the command line checks a file's contents;
// an InputError is the expected refusal. Any other exception (which main would
// report as an internal error, exit 3) or a broken promise of a parsed profile
// escapes: the fuzzer reports it as a crash, the test as a failure.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>

#include "report/formats/alloc_text.hpp"
#include "report/formats/alloc_json.hpp"
#include "report/formats/baseline_index.hpp"
#include "report/analysis/compare.hpp"
#include "report/formats/comparison_json.hpp"
#include "report/common/errors.hpp"
#include "report/io/input_file.hpp"
#include "report/io/input_limits.hpp"
#include "report/formats/profile_json.hpp"
#include "report/formats/markdown_parse.hpp"
#include "report/formats/read_report.hpp"
#include "report/records/records.hpp"
#include "report/formats/render_comparison.hpp"
#include "report/formats/render_summary.hpp"

namespace smp::fuzz {

inline const std::filesystem::path kInputPath = "fuzz-input";

// The text a report reader gets, or nothing where read_text_input refuses it.
inline std::optional<std::string> accepted_text(std::string_view bytes) {
  try {
    return report::checked_text(std::string(bytes), kInputPath);
  } catch (const InputError&) {
    return std::nullopt;
  }
}

// Every scope has a non-empty unique name and valid figures: compare and the
// writers rely on that without checking again.
inline void check_profile(const report::ProfileRecord& profile) {
  const auto require = [](bool promise, const char* what) {
    if (!promise) throw std::logic_error(std::string("parsed profile breaks a promise: ") + what);
  };
  const auto valid = [](double value) { return !report::measurement_problem(value); };
  require(profile.scopes.size() <= report::kMaxReportRows, "row limit");
  std::unordered_set<std::string> names;
  for (const report::ScopeRecord& scope : profile.scopes) {
    require(!scope.name.empty() && names.insert(scope.name).second, "unique non-empty names");
    require(scope.calls >= 0, "non-negative calls");
    for (double value : {scope.time_ms(), scope.avg_ms(), scope.alloc_mb(), scope.min_call_ms, scope.max_call_ms,
                         scope.flops_per_call, scope.bytes_per_call}) {
      require(valid(value), "valid figures");
    }
    for (double value : scope.inclusive_ms) require(valid(value), "valid samples");
    for (double value : scope.self_ms) require(valid(value), "valid samples");
  }
}

// Hands the accepted text of `bytes` to `read`; a refusal (InputError) is the
// expected end for a bad input, as for read_text_input's own.
template <class Read>
void read_accepted(std::string_view bytes, Read read) {
  const auto text = accepted_text(bytes);
  if (!text) return;
  try {
    read(*text);
  } catch (const InputError&) {
  }
}

// The markdown parser: SmallMind's enhanced and older standard/deep tables, and ours.
inline void markdown_report_input(std::string_view bytes) {
  read_accepted(bytes, [](const std::string& text) { check_profile(report::parse_markdown_report(text, kInputPath)); });
}

// Our JSON profile reader.
inline void json_profile_input(std::string_view bytes) {
  read_accepted(bytes, [](const std::string& text) { check_profile(report::profile_from_json(text, kInputPath)); });
}

// The allocation JSON reader, then both allocation writers on whatever it
// accepts: they derive the analysis from the figures read.
inline void alloc_json_input(std::string_view bytes) {
  read_accepted(bytes, [](const std::string& text) {
    const report::AllocationRecord record = report::alloc_from_json(text, kInputPath);
    report::alloc_to_text(record);
    report::alloc_to_json(record);
  });
}

// The baseline index reader; whatever it accepts must write back to the same
// index and find its first and last entries by their fingerprints (a lookup
// is a linear search, as `run` makes one: looking up every entry of a large
// index would make the check, not the reader, quadratic).
inline void baseline_index_input(std::string_view bytes) {
  read_accepted(bytes, [](const std::string& text) {
    const report::BaselineIndex index = report::baseline_index_from_json(text, kInputPath);
    const report::BaselineIndex again =
        report::baseline_index_from_json(report::baseline_index_to_json(index), kInputPath);
    if (again.entries.size() != index.entries.size()) throw std::logic_error("baseline index does not round-trip");
    for (std::size_t i = 0; i < index.entries.size(); ++i) {
      if (again.entries[i].fingerprint != index.entries[i].fingerprint || again.entries[i].folder != index.entries[i].folder) {
        throw std::logic_error("baseline index does not round-trip");
      }
    }
    if (index.entries.empty()) return;
    for (const report::BaselineEntry* entry : {&index.entries.front(), &index.entries.back()}) {
      const auto found = report::find_entry(index, entry->fingerprint);
      if (!found || found->folder != entry->folder) throw std::logic_error("baseline entry not found by its fingerprint");
    }
  });
}

// compare on two reports of any format, PREV and CURR separated by the first
// NUL byte (which no accepted report contains), with both gates on, at the
// default time threshold and at 0 (where every change counts); every
// rendering of each comparison is produced.
inline void compare_input(std::string_view bytes) {
  const std::size_t split = bytes.find('\0');
  if (split == std::string_view::npos) return;
  const auto parsed = [](std::string_view half) {
    std::optional<report::ProfileRecord> profile;
    read_accepted(half, [&profile](const std::string& text) { profile = report::parse_report(text, kInputPath); });
    return profile;
  };
  const auto previous = parsed(bytes.substr(0, split));
  if (!previous) return;
  const auto current = parsed(bytes.substr(split + 1));
  if (!current) return;
  for (const double threshold_pct : {report::GateOptions{}.threshold_pct, 0.0}) {
    report::GateOptions options;
    options.gate_alloc = true;
    options.threshold_pct = threshold_pct;
    // Figures that cannot be compared (not finite, or nothing measured in
    // common) are refused as input errors, like a bad file.
    std::optional<report::ComparisonRecord> compared;
    try {
      compared = report::compare_profiles(*previous, *current, options);
    } catch (const InputError&) {
      return;
    }
    const report::ComparisonRecord& record = *compared;
    report::render_comparison_markdown(record);
    report::comparison_to_json(record);
    report::render_job_summary(record);
    report::render_verdict_line(record);
  }
}

}  // namespace smp::fuzz
