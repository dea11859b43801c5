#include "report/io/directory_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>
#include <set>

namespace smp::report {
namespace {

// The directories this process holds locked.
std::mutex held_mutex;
std::set<std::tuple<dev_t, ino_t>>& held_directories() {
  static std::set<std::tuple<dev_t, ino_t>> held;
  return held;
}

}  // namespace

DirectoryLock::DirectoryLock(const std::filesystem::path& directory) {
  fd_ = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  struct stat status {};
  if (fd_ >= 0 && ::fstat(fd_, &status) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
  device_ = status.st_dev;
  inode_ = status.st_ino;
}

DirectoryLock::~DirectoryLock() {
  if (registered_) {
    const std::lock_guard guard(held_mutex);
    held_directories().erase(identity());
  }
  if (fd_ >= 0) ::close(fd_);
}

bool DirectoryLock::take(int operation) {
  if (fd_ < 0 || registered_) return registered_;
  {
    const std::lock_guard guard(held_mutex);
    if (held_directories().count(identity()) > 0) return true;  // this process holds it already
  }
  int result = 0;
  while ((result = ::flock(fd_, operation)) != 0 && errno == EINTR) {
  }
  if (result != 0) return false;
  const std::lock_guard guard(held_mutex);
  registered_ = held_directories().insert(identity()).second;
  return true;
}

void DirectoryLock::lock() { take(LOCK_EX); }

bool DirectoryLock::try_lock() { return take(LOCK_EX | LOCK_NB); }

}  // namespace smp::report
