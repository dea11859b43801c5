#pragma once
// The context block of our JSON reports: a RunContext record written and
// read back, integer fields checked to fit.
#include <nlohmann/json.hpp>

#include "report/records/records.hpp"

namespace smp::report {

nlohmann::json environment_to_json(const RunContext& environment);
// Reads what environment_to_json wrote; missing fields stay default. Throws
// nlohmann::json::exception for a field of the wrong type, std::length_error
// for more models than kMaxReportRows.
RunContext environment_from_json(const nlohmann::json& context);

}  // namespace smp::report
