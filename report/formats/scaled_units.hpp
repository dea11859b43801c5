#pragma once
// Figures for a terminal in the unit that keeps them readable: a duration in
// ns, µs, ms or s, and a byte count in B, KiB, MiB or GiB, each with three
// significant digits (1.23 ms, 12.3 µs, 123 ns), as hyperfine and
// google/benchmark print them.
#include <string>

namespace smp::report {

std::string duration_text(double ms);
std::string bytes_text(double bytes);

// The shortest text that reads back as exactly `value` (for CSV).
std::string exact_number(double value);

}  // namespace smp::report
