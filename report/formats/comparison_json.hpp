#pragma once
// The comparison as versioned JSON (`--json FILE`): every figure of the
// ComparisonRecord, unrounded; a figure that cannot be computed is null.
#include <string>

#include <nlohmann/json.hpp>

#include "report/records/comparison_record.hpp"

namespace smp::report {

inline constexpr int kComparisonSchemaVersion = 4;

// The document, for writers that add a block of their own (ab's design).
nlohmann::json comparison_document(const ComparisonRecord& record);
// Pretty-printed, newline-terminated.
std::string comparison_to_json(const ComparisonRecord& record);

}  // namespace smp::report
