#pragma once
// What `run` compares against: by default this machine's entry of a
// baselines directory (one entry per machine fingerprint, listed in its
// index.json; default_baselines_directory() in install_layout.hpp), or a
// previous results directory or a single report file given explicitly.
#include <filesystem>
#include <optional>
#include <string>

#include "report/records/alloc_record.hpp"
#include "report/records/machine_fingerprint.hpp"
#include "report/records/records.hpp"

namespace smp::app {

struct Baseline {
  std::filesystem::path profile_path;
  report::ProfileRecord profile;
  std::optional<std::filesystem::path> alloc_path;  // only from a directory holding one
  std::optional<report::AllocationRecord> alloc;
};

// A directory gives its enhanced-profile-report.json (else .md) and, when
// present, its allocation-profile.json; a file is read as a profile report of
// any format compare accepts. InputError naming the path for anything else.
Baseline load_baseline(const std::filesystem::path& path);

struct MachineBaseline {
  Baseline baseline;
  std::string folder;         // the entry's, inside the baselines directory
  bool this_machine = false;  // false: another machine's, for its allocations only
};

// This machine's entry of the baselines directory, else the entry sharing
// most of its fingerprint (the first such in the index), whose timings the
// gate will not compare. InputError naming the file for a missing, malformed
// or empty index, an entry whose folder or reports are missing, or a profile
// measured on another fingerprint than its entry's.
MachineBaseline load_machine_baseline(const std::filesystem::path& directory,
                                      const report::MachineFingerprint& machine);

}  // namespace smp::app
