#pragma once
// Every report is written through here, and a command's outputs as one set:
// each file's bytes go to a temporary beside the file it replaces (a link's
// target, for a symbolic link), are flushed to disk, and only when every
// temporary is complete are they renamed into place, with SIGINT, SIGTERM and
// SIGHUP held back for the renames, and the directories they go to locked
// against another command's renames (two commands writing one set leave one
// command's whole set). A reader never sees a half-written
// report, and a failed or interrupted command leaves every previous file as
// it was: no output replaced, no temporary left (one left by a killed process
// is removed by the next write of that output). A replaced file keeps its
// mode; a new one gets 0666 less the umask. "-" writes to standard output,
// after the files.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace smp::report {

struct PendingOutput {
  std::filesystem::path destination;
  std::string contents;
};

// Throws InputError naming the destination that could not be written;
// nothing is replaced in that case.
void write_output_set(const std::vector<PendingOutput>& outputs);

void write_file_atomically(const std::filesystem::path& destination, std::string_view contents);

// Removes temporaries of ours beside `file` (files or staging directories
// named `.NAME.tmp-XXXXXX`, and `.NAME.probe-XXXXXX`) that no live process
// holds locked.
void remove_stale_temporaries(const std::filesystem::path& file);

}  // namespace smp::report
