#pragma once
// `run`'s results directory only ever holds one run's files. A directory is
// ours when it holds the marker file below; one that is not ours and not
// empty is refused, and ours is replaced as a whole: the new run's files are
// written into a staging directory beside it, which then takes its place in
// one rename, so no file of an earlier run survives next to the new ones.
#include <filesystem>
#include <vector>

#include "app/outputs/output_files.hpp"

namespace smp::app {

inline constexpr const char* kResultsMarker = ".smallmind-prof-results";

// Before measuring: throws InputError when `directory` cannot become this
// run's results directory, or holds one of `inputs` (it is replaced whole).
void check_results_directory(const std::filesystem::path& directory,
                             const std::vector<std::filesystem::path>& inputs);

// Makes `files` (and the marker) the whole content of `directory`. Terminating
// signals wait until it is done; a failure leaves the directory as it was.
void replace_results_directory(const std::filesystem::path& directory, const std::vector<OutputFile>& files);

}  // namespace smp::app
