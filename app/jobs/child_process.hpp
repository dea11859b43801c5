#pragma once
// Running this tool again as a child process: enhanced's replicas and ab's
// two sides. The child's output goes to a log file, so its progress never
// mixes with the parent's, and its last line explains a failure.
#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace smp::app {

// Runs `program` with `arguments` in this process's environment plus
// `environment` ("NAME=value" entries, replacing the same names), stdin from
// /dev/null and stdout and stderr into `log`; returns its exit status, or
// 128 + the signal that ended it. std::runtime_error when it cannot be started.
int run_child(const std::filesystem::path& program, const std::vector<std::string>& arguments,
              const std::filesystem::path& log, const std::vector<std::string>& environment = {});

// run_child's two halves, for children that run side by side: starts the
// child and returns its pid; `inherited_fd` (when not -1) stays open in it.
pid_t start_child(const std::filesystem::path& program, const std::vector<std::string>& arguments,
                  const std::filesystem::path& log, const std::vector<std::string>& environment,
                  int inherited_fd = -1);
// Waits for a started child: its exit status, or 128 + the signal that ended it.
int wait_for_child(pid_t pid);

// Environment entries that place a measuring child's stack and heap at
// random offsets: an entry of random length (0 to 4095 bytes; the environment
// sits at the top of the stack, so its length shifts every stack address) and
// a random layout seed (report/measure/memory_layout.hpp). Two executables,
// or one run from two paths of different lengths, would otherwise start with
// fixed, different alignments, and a microsecond-scale scope can differ by a
// tenth for that alone; random offsets turn that bias into noise that
// processes and rounds average out.
std::vector<std::string> random_layout_environment(std::uint64_t& state);

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
