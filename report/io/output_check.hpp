#pragma once
// Checked before any output is written, so a command that cannot write all
// of its outputs writes none of them.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace smp::report {

// Why no new file can be created in `directory`, or nothing. Permission bits
// do not tell (root ignores them; read-only mounts and /proc do not show in
// them), so the directory is asked directly: a hidden probe file named after
// `name` is created and removed.
std::optional<std::string> file_creation_problem(const std::filesystem::path& directory, const std::string& name);

// Each output must be writable (report::resolve_output_target), differ from
// every input and every other output, links followed, and its directory must
// exist and accept a new file. Throws InputError naming the output.
void check_outputs(const std::vector<std::filesystem::path>& outputs,
                   const std::vector<std::filesystem::path>& inputs);

}  // namespace smp::report
