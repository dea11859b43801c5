#include "report/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <iostream>
#include <memory>
#include <optional>

#include "report/common/errors.hpp"
#include "report/io/directory_lock.hpp"
#include "report/io/output_target.hpp"
#include "report/io/signal_cleanup.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;

std::string errno_text() { return std::strerror(errno); }

mode_t process_umask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

// A temporary beside `file`, held with an exclusive lock for as long as it
// exists, so another run can tell a live temporary from a stale one.
class Temporary {
 public:
  explicit Temporary(const fs::path& file) {
    const fs::path directory = file.has_parent_path() ? file.parent_path() : fs::path(".");
    path_ = (directory / hidden_sibling_name(file.filename().string(), "tmp")).string();
    fd_ = ::mkstemp(path_.data());
    if (fd_ < 0) throw std::runtime_error("cannot create a file in its directory: " + errno_text());
    cleanup_.emplace(path_);
    ::flock(fd_, LOCK_EX | LOCK_NB);
  }
  Temporary(const Temporary&) = delete;
  Temporary& operator=(const Temporary&) = delete;
  ~Temporary() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }

  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  void mark_committed() { committed_ = true; }

 private:
  std::string path_;
  int fd_ = -1;
  bool committed_ = false;
  std::optional<CleanupOnSignal> cleanup_;
};

void write_all(int fd, std::string_view contents) {
  while (!contents.empty()) {
    const ssize_t written = ::write(fd, contents.data(), contents.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(errno_text());
    }
    contents.remove_prefix(static_cast<std::size_t>(written));
  }
}

// An existing file's mode and owner carry over; a new file follows the umask.
void set_mode_like(int fd, const fs::path& file) {
  struct stat existing {};
  if (::stat(file.c_str(), &existing) == 0) {
    ::fchmod(fd, existing.st_mode & 07777);
    if (::fchown(fd, existing.st_uid, existing.st_gid) != 0) {
      // Only root may give a file away; anyone else's replacement is theirs.
    }
  } else {
    ::fchmod(fd, 0666 & ~process_umask());
  }
}

// The temporary holds `contents`, durably, with the mode the file will have.
void fill(const Temporary& temporary, const fs::path& file, std::string_view contents) {
  write_all(temporary.fd(), contents);
  set_mode_like(temporary.fd(), file);
  if (::fsync(temporary.fd()) != 0) throw std::runtime_error(errno_text());
}

bool is_stale_temporary(const fs::path& entry, const std::string& file_name) {
  const std::string name = entry.filename().string();
  for (const char* kind : {"tmp", "probe"}) {
    const std::string pattern = hidden_sibling_name(file_name, kind);
    if (name.size() == pattern.size() && name.compare(0, pattern.size() - 6, pattern, 0, pattern.size() - 6) == 0) {
      return true;
    }
  }
  return false;
}

// A temporary nobody holds locked was left by a process that died.
bool unlocked(const fs::path& temporary) {
  const int fd = ::open(temporary.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return false;
  const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);
  return free;
}

// Exclusive locks on the directories a set of outputs goes to, for its
// renames: two commands writing one set then rename theirs one after the
// other, and what is left is one command's whole set, never one's markdown
// beside the other's JSON. Taken in one order (device, inode), so two
// commands never wait on each other in a circle; a directory that cannot be
// opened is not locked.
class DirectoryLocks {
 public:
  explicit DirectoryLocks(const std::vector<fs::path>& files) {
    for (const fs::path& file : files) {
      auto lock = std::make_unique<DirectoryLock>(file.has_parent_path() ? file.parent_path() : fs::path("."));
      const bool known = std::any_of(locks_.begin(), locks_.end(),
                                     [&](const auto& other) { return other->identity() == lock->identity(); });
      if (lock->opened() && !known) locks_.push_back(std::move(lock));
    }
    std::sort(locks_.begin(), locks_.end(), [](const auto& a, const auto& b) { return a->identity() < b->identity(); });
    for (const auto& lock : locks_) lock->lock();
  }

 private:
  std::vector<std::unique_ptr<DirectoryLock>> locks_;
};

}  // namespace

void remove_stale_temporaries(const fs::path& file) {
  const fs::path directory = file.has_parent_path() ? file.parent_path() : fs::path(".");
  std::error_code ec;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ignored;
    if (it->is_symlink(ignored) || !is_stale_temporary(it->path(), file.filename().string())) continue;
    if (unlocked(it->path())) fs::remove_all(it->path(), ignored);
  }
}

void write_output_set(const std::vector<PendingOutput>& outputs) {
  std::vector<OutputTarget> targets;
  for (const PendingOutput& output : outputs) targets.push_back(resolve_output_target(output.destination));
  std::deque<Temporary> temporaries;  // a deque never moves what it holds
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (targets[i].to_stdout) continue;
    try {
      remove_stale_temporaries(targets[i].file);
      fill(temporaries.emplace_back(targets[i].file), targets[i].file, outputs[i].contents);
    } catch (const std::runtime_error& error) {
      throw InputError(outputs[i].destination, std::string("cannot write: ") + error.what());
    }
  }
  {
    std::vector<fs::path> files;
    for (const OutputTarget& target : targets) {
      if (!target.to_stdout) files.push_back(target.file);
    }
    const DirectoryLocks one_set_at_a_time(files);
    const DeferTerminatingSignals renames_are_one_step;
    std::size_t next = 0;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      if (targets[i].to_stdout) continue;
      Temporary& temporary = temporaries[next++];
      if (::rename(temporary.path().c_str(), targets[i].file.c_str()) != 0) {
        throw InputError(outputs[i].destination, "cannot write: " + errno_text());
      }
      temporary.mark_committed();
    }
  }
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (targets[i].to_stdout) std::cout << outputs[i].contents << std::flush;
  }
}

void write_file_atomically(const fs::path& destination, std::string_view contents) {
  write_output_set({{destination, std::string(contents)}});
}

}  // namespace smp::report
