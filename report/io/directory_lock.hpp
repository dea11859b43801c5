#pragma once
// An exclusive lock on a directory (flock on the directory itself), held for
// this object's life. Within one process a directory is locked once: a
// second lock of a directory the process already holds is taken as held,
// because flock through a second open of it would wait on the process itself
// (a results directory being staged is locked while its files are written
// into it).
#include <sys/types.h>

#include <filesystem>
#include <tuple>

namespace smp::report {

class DirectoryLock {
 public:
  // Opens the directory; it is not locked yet. A directory that cannot be
  // opened gives a lock that holds nothing (opened() false).
  explicit DirectoryLock(const std::filesystem::path& directory);
  ~DirectoryLock();
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;

  bool opened() const { return fd_ >= 0; }
  // Which directory it is, so that locks on several are taken in one order.
  std::tuple<dev_t, ino_t> identity() const { return {device_, inode_}; }

  void lock();      // waits for another process's lock
  bool try_lock();  // does not wait; false when another process holds it

 private:
  bool take(int operation);
  int fd_ = -1;
  dev_t device_ = 0;
  ino_t inode_ = 0;
  bool registered_ = false;
};

}  // namespace smp::report
