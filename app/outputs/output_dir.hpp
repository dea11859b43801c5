#pragma once
// Output directories named by the user: checked before anything is measured,
// created only when the outputs are written, so a refused or interrupted
// command leaves no empty directory behind.
#include <filesystem>

namespace smp::app {

// Throws InputError when `directory` is a file, or it (or, when missing, the
// nearest directory that exists above it) cannot take new files.
void check_output_directory(const std::filesystem::path& directory);

// Creates `directory` and its parents; InputError when that fails.
void create_output_directory(const std::filesystem::path& directory);

}  // namespace smp::app
