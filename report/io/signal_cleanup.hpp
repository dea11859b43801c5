#pragma once
// Paths to remove should the process be ended by SIGINT, SIGTERM or SIGHUP
// while they exist: our temporaries and staging directories. The handler
// removes each (unlink for a file, rmdir for an emptied directory, newest
// first), then ends the process as the signal would have. Signals the process
// ignores stay ignored.
#include <signal.h>

#include <string>

namespace smp::report {

class CleanupOnSignal {
 public:
  explicit CleanupOnSignal(std::string path);
  ~CleanupOnSignal();
  CleanupOnSignal(const CleanupOnSignal&) = delete;
  CleanupOnSignal& operator=(const CleanupOnSignal&) = delete;

 private:
  std::string path_;
  int slot_;
};

// While alive, the terminating signals wait: a set of renames is then either
// all done or not begun when one arrives. Nests: the outermost lets them in.
class DeferTerminatingSignals {
 public:
  DeferTerminatingSignals();
  ~DeferTerminatingSignals();
  DeferTerminatingSignals(const DeferTerminatingSignals&) = delete;
  DeferTerminatingSignals& operator=(const DeferTerminatingSignals&) = delete;

 private:
  sigset_t previous_;
};

}  // namespace smp::report
