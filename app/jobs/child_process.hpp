#pragma once
// Running this tool again as a child process: enhanced's replicas and ab's
// two sides. The child's output goes to a log file, so its progress never
// mixes with the parent's, and its last line explains a failure.
#include <filesystem>
#include <string>
#include <vector>

namespace smp::app {

// The path of the running executable (/proc/self/exe).
std::filesystem::path this_executable();

// Runs `program` with `arguments` in this process's environment plus
// `environment` ("NAME=value" entries, replacing the same names), stdin from
// /dev/null and stdout and stderr into `log`; returns its exit status, or
// 128 + the signal that ended it. std::runtime_error when it cannot be started.
int run_child(const std::filesystem::path& program, const std::vector<std::string>& arguments,
              const std::filesystem::path& log, const std::vector<std::string>& environment = {});

// The last non-empty line of a child's log, for an error message.
std::string last_log_line(const std::filesystem::path& log);

// A fresh directory under the system's temporary directory, removed with
// everything in it when this object goes.
class ScratchDirectory {
 public:
  explicit ScratchDirectory(const std::string& prefix);
  ~ScratchDirectory();
  ScratchDirectory(const ScratchDirectory&) = delete;
  ScratchDirectory& operator=(const ScratchDirectory&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace smp::app
