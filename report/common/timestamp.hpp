#pragma once
// Local-time stamps for reports.
#include <string>
#include <string_view>

namespace smp::report {

// The current local time through strftime's `format`.
std::string local_time_now(const char* format);

// ISO 8601 / RFC 3339 local time with its UTC offset ("2026-02-05T10:00:00+01:00"):
// when our reports were generated, and when a run started.
std::string iso_timestamp_now();

// The "yyyy-MM-dd HH:mm:ss" stamp SmallMind's reports carry, from an ISO
// stamp (its local time; the offset is dropped). Any other text is returned as is.
std::string smallmind_stamp(std::string_view stamp);

}  // namespace smp::report
