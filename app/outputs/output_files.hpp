#pragma once
// A command's outputs, rendered in full before any is written: a run that
// fails while measuring or rendering leaves the directory as it found it.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "report/io/atomic_file.hpp"

namespace smp::app {

struct OutputFile {
  std::string name;         // file name inside the output directory
  std::string description;  // one line for an index of the directory
  std::string contents;
};

// Writes the files into `directory` (created if missing) as one set
// (report::write_output_set), after checking that every one of them can be
// written (report::check_outputs), so that an output path taken by a
// directory or a device stops the command before its first file.
void write_outputs(const std::filesystem::path& directory, const std::vector<OutputFile>& files);

// The contents of the file named `name`, which `files` holds.
const std::string& contents_of(const std::vector<OutputFile>& files, std::string_view name);

// "a, b and c": every output of a set, for the log line that ends a command.
std::string written_files_text(const std::vector<report::PendingOutput>& outputs);

// The files as outputs at their paths inside `directory`.
std::vector<report::PendingOutput> pending_outputs(const std::filesystem::path& directory,
                                                   const std::vector<OutputFile>& files);

}  // namespace smp::app
