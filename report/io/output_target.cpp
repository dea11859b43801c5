#include "report/io/output_target.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <climits>
#include <cstring>

#include "report/common/errors.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;

// As many links as the kernel follows before it reports ELOOP.
constexpr int kMostLinks = 40;
constexpr std::array<std::string_view, 3> kSystemTrees{"/dev", "/proc", "/sys"};

bool is_under_system_tree(const fs::path& file) {
  std::error_code ec;
  const fs::path parent = fs::weakly_canonical(fs::absolute(file, ec).parent_path(), ec);
  const std::string text = (parent / file.filename()).string();
  for (std::string_view tree : kSystemTrees) {
    if (text == tree || (text.starts_with(tree) && text[tree.size()] == '/')) return true;
  }
  return false;
}

// The path a chain of symbolic links ends at (which need not exist yet).
// A chain through /dev, /proc or /sys is refused wherever it ends:
// /dev/stdout leads to the shell's redirection target, which a rename would
// replace under the shell's feet.
fs::path follow_links(const fs::path& output) {
  fs::path current = output;
  for (int hops = 0; hops <= kMostLinks; ++hops) {
    if (is_under_system_tree(current)) {
      throw InputError(output, "is under /dev, /proc or /sys, which are never replaced (use - for standard output)");
    }
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(current, ec))) return current;
    const fs::path target = fs::read_symlink(current, ec);
    if (ec) throw InputError(output, "cannot read the symbolic link " + current.string() + ": " + ec.message());
    current = target.is_absolute() ? target : current.parent_path() / target;
  }
  throw InputError(output, "is a symbolic link loop");
}

}  // namespace

OutputTarget resolve_output_target(const fs::path& output) {
  if (output.empty()) throw InputError(output, "the output file name is empty");
  if (output == kStandardOutput) return {.to_stdout = true, .file = {}};
  const fs::path file = follow_links(output);
  struct stat status {};
  if (::stat(file.c_str(), &status) == 0) {
    if (S_ISDIR(status.st_mode)) throw InputError(output, "output path is a directory");
    if (!S_ISREG(status.st_mode)) {
      throw InputError(output, "output path is not a regular file (a device, pipe or socket is never replaced)");
    }
  }
  return {.to_stdout = false, .file = file};
}

std::string hidden_sibling_name(const std::string& name, const std::string& kind) {
  const std::string suffix = "." + kind + "-XXXXXX";
  const std::size_t room = NAME_MAX - 1 - suffix.size();
  return "." + name.substr(0, room) + suffix;
}

}  // namespace smp::report
