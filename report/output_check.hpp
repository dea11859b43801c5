#pragma once
// Checked before any output is written, so a command that cannot write all
// of its outputs writes none of them.
#include <filesystem>
#include <vector>

namespace smp::report {

// Each output must differ from every input and every other output, and its
// directory must exist and accept a new file. Throws InputError naming the output.
void check_outputs(const std::vector<std::filesystem::path>& outputs,
                   const std::vector<std::filesystem::path>& inputs);

}  // namespace smp::report
