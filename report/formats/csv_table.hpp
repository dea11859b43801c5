#pragma once
// A results table as CSV (RFC 4180): a header of the columns' CSV titles,
// then one record per row with the raw, unrounded figures.
#include <string>

#include "report/formats/results_table.hpp"

namespace smp::report {

std::string render_csv_table(const ResultsTable& table);

}  // namespace smp::report
