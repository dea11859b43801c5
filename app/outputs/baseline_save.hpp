#pragma once
// `run --save-baseline`: a run's reports recorded as its machine's entry of a
// baselines directory (see baseline.hpp), the entry replaced as a whole.
#include <filesystem>
#include <vector>

#include "app/outputs/output_files.hpp"
#include "report/records/records.hpp"

namespace smp::app {

// UsageError for a run that must never become a baseline: one with an
// injected slowdown, or from another build than Release.
void require_baseline_worthy(const report::RunContext& context);

// Reads the directory's index, when it has one yet, to refuse (InputError
// naming the file) an unreadable or malformed one before anything is measured.
void check_baseline_index(const std::filesystem::path& directory);

// Writes `files` (the profile and allocation reports of the run measured in
// `context`) into the folder of that machine's entry, then the index: the
// folder is staged beside the old one and swapped in, so a failed write
// leaves the previous entry whole. Returns the entry's folder.
std::filesystem::path save_machine_baseline(const std::filesystem::path& directory,
                                            const report::RunContext& context, const std::vector<OutputFile>& files);

}  // namespace smp::app
