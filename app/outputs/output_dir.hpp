#pragma once
// Output directories named by the user: created when missing, refused with a
// one-line error when they cannot hold our files.
#include <filesystem>

namespace smp::app {

// Creates `directory` (and parents) if needed; throws InputError when it is a
// file, cannot be created, or is not writable.
void prepare_output_directory(const std::filesystem::path& directory);

}  // namespace smp::app
