#pragma once
// Where an output path really writes. "-" is standard output. A symbolic link
// is written through: the file it points to is replaced (atomically, from a
// temporary in that file's own directory) and the link stays a link. Nothing
// under /dev, /proc or /sys is ever replaced, nor a device, FIFO or socket.
#include <filesystem>
#include <string>

namespace smp::report {

inline constexpr const char* kStandardOutput = "-";

struct OutputTarget {
  bool to_stdout = false;
  std::filesystem::path file;  // the regular file to replace or create, links resolved
};

// Throws InputError naming `output` when it cannot be an output at all.
OutputTarget resolve_output_target(const std::filesystem::path& output);

// A hidden name beside `name` for a file of ours, `.NAME.KIND-XXXXXX` (the
// X's for mkstemp), NAME shortened so the whole stays within NAME_MAX.
std::string hidden_sibling_name(const std::string& name, const std::string& kind);

}  // namespace smp::report
