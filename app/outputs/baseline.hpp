#pragma once
// What `run` compares against: a previous results directory, a single
// report file, or by default the baselines/ directory of the source tree
// this executable was built from (SMP_SOURCE_DIR, fixed at configure time,
// so the default does not depend on the current directory).
#include <filesystem>
#include <optional>

#include "report/records/alloc_record.hpp"
#include "report/records/records.hpp"

namespace smp::app {


struct Baseline {
  std::filesystem::path profile_path;
  report::ProfileRecord profile;
  std::optional<std::filesystem::path> alloc_path;  // only from a directory holding one
  std::optional<report::AllocationRecord> alloc;
};

std::filesystem::path default_baseline_directory();

// A directory gives its enhanced-profile-report.json (else .md) and, when
// present, its allocation-profile.json; a file is read as a profile report of
// any format compare accepts. InputError naming the path for anything else.
Baseline load_baseline(const std::filesystem::path& path);

}  // namespace smp::app
