#pragma once
// Cells the results tables share: a duration (scaled on a terminal, in ns in
// CSV) and an empty cell for a figure a row does not have.
#include "report/common/units.hpp"
#include "report/formats/results_table.hpp"
#include "report/formats/scaled_units.hpp"

namespace smp::report {

inline Cell duration_cell(double ms) { return {duration_text(ms), exact_number(ms * kNsPerMs)}; }
inline Cell empty_cell() { return {"—", ""}; }

}  // namespace smp::report
