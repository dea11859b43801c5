#include "app/jobs/child_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include <spdlog/spdlog.h>

#include "app/outputs/shell_quote.hpp"
#include "report/measure/memory_layout.hpp"

extern char** environ;

namespace smp::app {

namespace fs = std::filesystem;


namespace {

std::vector<char*> pointers(std::vector<std::string>& words) {
  std::vector<char*> result;
  for (std::string& word : words) result.push_back(word.data());
  result.push_back(nullptr);
  return result;
}

std::string variable_name(const std::string& entry) { return entry.substr(0, entry.find('=')); }

std::vector<std::string> child_environment(const std::vector<std::string>& overrides) {
  std::vector<std::string> entries(overrides);
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string inherited(*entry);
    bool replaced = false;
    for (const std::string& override_entry : overrides) replaced |= variable_name(override_entry) == variable_name(inherited);
    if (!replaced) entries.push_back(inherited);
  }
  return entries;
}

}  // namespace

pid_t start_child(const fs::path& program, const std::vector<std::string>& arguments, const fs::path& log,
                  const std::vector<std::string>& environment, int inherited_fd) {
  std::vector<std::string> words{program.string()};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv = pointers(words);
  std::vector<std::string> variables = child_environment(environment);
  spdlog::debug("starting {} {} (output in {})", shell_command(environment), shell_command(words), log.string());
  std::vector<char*> envp = pointers(variables);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  // Duplicating a descriptor onto itself clears its close-on-exec flag.
  if (inherited_fd >= 0) posix_spawn_file_actions_adddup2(&actions, inherited_fd, inherited_fd);
  pid_t pid = 0;
  const int error = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot start " + program.string() + ": " + std::strerror(error));
  return pid;
}

int wait_for_child(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::system_error(errno, std::generic_category(), "waitpid");
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

int run_child(const fs::path& program, const std::vector<std::string>& arguments, const fs::path& log,
              const std::vector<std::string>& environment) {
  return wait_for_child(start_child(program, arguments, log, environment));
}

namespace {

std::uint64_t split_mix(std::uint64_t& state) {
  // SplitMix64: a few well-mixed bits per child are all this needs.
  state += 0x9e3779b97f4a7c15ULL;
  std::uint64_t bits = state;
  bits = (bits ^ (bits >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  bits = (bits ^ (bits >> 27U)) * 0x94d049bb133111ebULL;
  return bits ^ (bits >> 31U);
}

}  // namespace

std::vector<std::string> random_layout_environment(std::uint64_t& state) {
  constexpr std::uint64_t kStackBytes = 4096;
  return {"SMALLMIND_PROF_STACK_PADDING=" + std::string(split_mix(state) % kStackBytes, 'x'),
          std::string(report::kLayoutSeedVariable) + "=" + std::to_string(split_mix(state))};
}

std::string last_log_line(const fs::path& log) {
  std::ifstream in(log);
  std::string line;
  std::string last;
  while (std::getline(in, line)) {
    if (!line.empty()) last = line;
  }
  return last.empty() ? "no output" : last;
}

ScratchDirectory::ScratchDirectory(const std::string& prefix) {
  std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "cannot create a directory under " +
                                                                fs::temp_directory_path().string());
  }
  path_ = pattern;
}

ScratchDirectory::~ScratchDirectory() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

}  // namespace smp::app
