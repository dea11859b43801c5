#pragma once
// The context block of our JSON reports: a RunContext record written and
// read back.
#include <nlohmann/json.hpp>

#include "report/io/json_field_reader.hpp"
#include "report/records/records.hpp"

namespace smp::report {

nlohmann::json environment_to_json(const RunContext& environment);
// Reads what environment_to_json wrote; missing and null fields stay default,
// a field of the wrong type or out of range is refused by `context`.
RunContext environment_from_json(const FieldReader& context);

}  // namespace smp::report
