#pragma once
// Local-time stamps for reports.
#include <string>

namespace smp::report {

// The current local time through strftime's `format`.
std::string local_time_now(const char* format);

// The "yyyy-MM-dd HH:mm:ss" stamp SmallMind's reports carry.
inline std::string generated_stamp_now() { return local_time_now("%Y-%m-%d %H:%M:%S"); }

// ISO-8601 with the UTC offset, for machine-readable context blocks.
inline std::string iso_timestamp_now() { return local_time_now("%Y-%m-%dT%H:%M:%S%z"); }

}  // namespace smp::report
