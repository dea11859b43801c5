#pragma once
// Every report is written through here: the bytes go to a temporary file in
// the destination's directory, are flushed to disk, and only then renamed over
// the destination. A reader never sees a half-written report, and a failed or
// interrupted write leaves any previous file intact (SIGINT, SIGTERM or SIGHUP
// arriving during a write remove the temporary before ending the process).
#include <filesystem>
#include <string_view>
#include <vector>

namespace smp::report {

// Throws InputError naming `destination` when the write cannot be completed;
// nothing is left behind in that case.
void write_file_atomically(const std::filesystem::path& destination, std::string_view contents);

// Refuses (InputError) an output path that is one of the inputs, an existing
// directory, or anything else but a regular file (a device such as /dev/full).
void check_output_path(const std::filesystem::path& output, const std::vector<std::filesystem::path>& inputs);

}  // namespace smp::report
