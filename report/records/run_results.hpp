#pragma once
// Everything one `run` measured and compared, as the summary, charts and
// index read it: plain data, no I/O.
#include <optional>
#include <string>
#include <vector>

#include "report/records/alloc_record.hpp"
#include "report/records/comparison_record.hpp"
#include "report/records/records.hpp"

namespace smp::report {

struct RunBaseline {
  std::string profile_path;              // as the summary names it
  ProfileRecord profile;
  std::optional<AllocationRecord> alloc;
  ComparisonRecord comparison;
};

struct RunResults {
  ProfileRecord profile;                 // this run's enhanced suite
  AllocationRecord alloc;                // this run's allocation workloads
  std::optional<RunBaseline> baseline;   // empty with --no-baseline
};

}  // namespace smp::report
