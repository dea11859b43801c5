#pragma once
// What every fuzz target shares: fuzzer bytes seen as the command line sees a
// file's contents, and the promises a successfully parsed profile keeps.
// A broken promise or any exception but InputError (which main would report
// as an internal error, exit 3) ends the run as a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "report/errors.hpp"
#include "report/input_file.hpp"
#include "report/input_limits.hpp"
#include "report/records.hpp"

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

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts unless every scope has a non-empty unique name and valid figures:
// compare and the writers rely on that without checking again.
inline void check_profile(const report::ProfileRecord& profile) {
  std::unordered_set<std::string> names;
  const auto valid = [](double value) { return !report::measurement_problem(value); };
  for (const report::ScopeRecord& scope : profile.scopes) {
    if (scope.name.empty() || !names.insert(scope.name).second) std::abort();
    if (scope.calls < 0) std::abort();
    for (double value : {scope.time_ms, scope.avg_ms, scope.alloc_mb, scope.min_call_ms, scope.max_call_ms,
                         scope.flops_per_call, scope.bytes_per_call}) {
      if (!valid(value)) std::abort();
    }
    for (double value : scope.inclusive_ms) if (!valid(value)) std::abort();
    for (double value : scope.self_ms) if (!valid(value)) std::abort();
  }
  if (profile.scopes.size() > report::kMaxReportRows) std::abort();
}

}  // namespace smp::fuzz
