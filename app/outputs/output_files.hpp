#pragma once
// A command's outputs, rendered in full before any is written: a run that
// fails while measuring or rendering leaves the directory as it found it.
#include <filesystem>
#include <string>
#include <vector>

namespace smp::app {

struct OutputFile {
  std::string name;         // file name inside the output directory
  std::string description;  // one line for an index of the directory
  std::string contents;
};

// Writes each file atomically into `directory`, in order, after checking that
// every one of them can be written (report::check_outputs), so that an output
// path taken by a directory or a device stops the command before its first file.
void write_outputs(const std::filesystem::path& directory, const std::vector<OutputFile>& files);

}  // namespace smp::app
