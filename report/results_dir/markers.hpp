#pragma once
// How the run's summary and charts judge a figure, so the table's colour
// markers and the charts' bar colours always agree: better, worse, or within
// the band the user gave the gate.
#include <optional>
#include <string>

#include "report/records/comparison_record.hpp"

namespace smp::report {

enum class Direction { better, worse, within };

// A change in percent against a band: beyond it is better or worse depending
// on whether smaller figures are better.
Direction judge_change(const std::optional<double>& change_pct, double band_pct, bool smaller_is_better);

// One scope's time: the gate's verdict when it ran on samples (a change is
// better or worse only when significant), otherwise the change against the
// gate's threshold.
Direction judge_scope(const ComparisonRecord& record, const ScopeComparison& method);

std::string marker(Direction direction);        // 🟢 🔴 ⚪
std::string marker_colour(Direction direction);  // the same in SVG colours

}  // namespace smp::report
