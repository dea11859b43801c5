#pragma once
// The "yyyy-MM-dd HH:mm:ss" local time stamp SmallMind's reports carry.
#include <string>

namespace smp::report {

std::string generated_stamp_now();

}  // namespace smp::report
