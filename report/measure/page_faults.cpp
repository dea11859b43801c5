#include "report/measure/page_faults.hpp"

#include <sys/resource.h>

namespace smp::report {

PageFaults thread_page_faults() noexcept {
  rusage usage{};
  if (getrusage(RUSAGE_THREAD, &usage) != 0) return {};  // cannot fail for RUSAGE_THREAD on Linux
  return {usage.ru_minflt, usage.ru_majflt};
}

}  // namespace smp::report
