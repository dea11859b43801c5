#pragma once
// A results table, derived once from the records and rendered many ways: on
// a terminal (console_table.hpp, aligned, units scaled, verdicts coloured) or
// as CSV (csv_table.hpp, raw figures in the unit the column names). Each cell
// carries both forms, so the two renderings cannot disagree.
#include <string>
#include <utility>
#include <vector>

#include "report/records/alloc_record.hpp"
#include "report/records/comparison_record.hpp"
#include "report/records/records.hpp"

namespace smp::report {

enum class Align { left, right };

// How a cell reads as a verdict; a terminal colours all but `plain`.
enum class Tone { plain, good, bad, doubtful };

// One column on a terminal; one or more in CSV (an interval's two bounds).
struct Column {
  Column(std::string heading, std::string csv_heading, Align alignment = Align::right)
      : Column(std::move(heading), std::vector<std::string>{std::move(csv_heading)}, alignment) {}
  Column(std::string heading, std::vector<std::string> csv_headings, Align alignment = Align::right)
      : title(std::move(heading)), csv_titles(std::move(csv_headings)), align(alignment) {}

  std::string title;                    // on a terminal
  std::vector<std::string> csv_titles;  // in CSV, naming the unit of the raw figures
  Align align;
};

struct Cell {
  Cell(std::string shown, std::string figure, Tone verdict_tone = Tone::plain)
      : Cell(std::move(shown), std::vector<std::string>{std::move(figure)}, verdict_tone) {}
  Cell(std::string shown, std::vector<std::string> figures, Tone verdict_tone = Tone::plain)
      : text(std::move(shown)), raw(std::move(figures)), tone(verdict_tone) {}

  std::string text;              // for a terminal: rounded, with its unit
  std::vector<std::string> raw;  // for CSV, one per CSV column: unrounded figures (empty when there is none)
  Tone tone;
};

struct ResultsTable {
  std::string title;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // each as many cells as columns
  std::vector<std::string> notes;       // printed under the table: what the figures are
};

// Per scope: calls, median time and its MAD over the repetitions, throughput
// and % of the measured peak for scopes that carry a work model.
ResultsTable profile_table(const ProfileRecord& profile);

// Per workload and pool mode: time per iteration (median, MAD), heap bytes,
// allocations and peak live bytes per iteration.
ResultsTable alloc_table(const AllocationRecord& record);

// Per scope: before, after, change, and with samples the gate's interval,
// adjusted p-value and verdict.
ResultsTable comparison_table(const ComparisonRecord& record);

}  // namespace smp::report
