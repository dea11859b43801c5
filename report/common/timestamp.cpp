#include "report/common/timestamp.hpp"

#include <chrono>
#include <ctime>

namespace smp::report {

std::string local_time_now(const char* format) {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm local{};
  localtime_r(&now, &local);
  char buffer[64];
  const std::size_t length = std::strftime(buffer, sizeof buffer, format, &local);
  return std::string(buffer, length);
}

std::string iso_timestamp_now() {
  // strftime's %z is "+hhmm"; RFC 3339 (and JSON Schema's date-time) wants "+hh:mm".
  std::string stamp = local_time_now("%Y-%m-%dT%H:%M:%S%z");
  stamp.insert(stamp.size() - 2, ":");
  return stamp;
}

std::string smallmind_stamp(std::string_view stamp) {
  constexpr std::size_t kDate = 10, kTime = 8;  // "yyyy-MM-dd", "HH:mm:ss"
  if (stamp.size() < kDate + 1 + kTime || stamp[kDate] != 'T') return std::string(stamp);
  return std::string(stamp.substr(0, kDate)) + " " + std::string(stamp.substr(kDate + 1, kTime));
}

}  // namespace smp::report
