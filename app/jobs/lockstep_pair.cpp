#include "app/jobs/lockstep_pair.hpp"

#include <sched.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>
#include <vector>

#include "app/jobs/child_process.hpp"

namespace smp::app {
namespace {

struct RunningChild {
  pid_t pid = -1;
  int channel = -1;    // this process's end of the child's socket
  bool ready = false;  // blocked, waiting for its next turn
};

// True when the child says it is ready for a turn; false when it has exited.
bool await_ready(int channel) {
  char byte = 0;
  ssize_t received = 0;
  do received = read(channel, &byte, 1);
  while (received < 0 && errno == EINTR);
  return received == 1;
}

// Holds the calling thread on one CPU while it lives, so that a child started
// meanwhile inherits that affinity; puts the thread's own mask back after.
class HeldOnCpu {
 public:
  explicit HeldOnCpu(std::optional<int> cpu) : held_(cpu.has_value()) {
    if (!held_) return;
    if (sched_getaffinity(0, sizeof(saved_), &saved_) != 0) {
      throw std::system_error(errno, std::generic_category(), "sched_getaffinity");
    }
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(*cpu, &one);
    if (sched_setaffinity(0, sizeof(one), &one) != 0) {
      throw std::system_error(errno, std::generic_category(), "sched_setaffinity to CPU " + std::to_string(*cpu));
    }
  }
  ~HeldOnCpu() {
    if (held_) sched_setaffinity(0, sizeof(saved_), &saved_);
  }
  HeldOnCpu(const HeldOnCpu&) = delete;
  HeldOnCpu& operator=(const HeldOnCpu&) = delete;

 private:
  bool held_;
  cpu_set_t saved_{};
};

RunningChild start(const LockstepChild& child, std::optional<int> cpu) {
  int ends[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
    throw std::system_error(errno, std::generic_category(), "socketpair");
  }
  std::vector<std::string> arguments = child.arguments;
  arguments.insert(arguments.end(), {"--turn-fd", std::to_string(ends[1])});
  RunningChild running;
  running.channel = ends[0];
  try {
    const HeldOnCpu held(cpu);
    running.pid = start_child(child.program, arguments, child.log, child.environment, ends[1]);
  } catch (...) {
    close(ends[0]);
    close(ends[1]);
    throw;
  }
  close(ends[1]);
  return running;
}

void take_turn(RunningChild& child) {
  const char go = 'g';
  // MSG_NOSIGNAL: a child that died meanwhile is an exit status, not SIGPIPE here.
  child.ready = send(child.channel, &go, 1, MSG_NOSIGNAL) == 1 && await_ready(child.channel);
}

}  // namespace

std::array<int, 2> run_in_lockstep(const std::array<LockstepChild, 2>& children, std::mt19937_64& order,
                                   std::optional<int> cpu) {
  std::array<RunningChild, 2> running{start(children[0], cpu), RunningChild{}};
  try {
    running[1] = start(children[1], cpu);
  } catch (...) {
    close(running[0].channel);
    wait_for_child(running[0].pid);
    throw;
  }
  // Both set up (an untimed start, side by side) before the first turn.
  for (RunningChild& child : running) child.ready = await_ready(child.channel);
  bool first_is_zero = true;
  for (int turn = 0; running[0].ready || running[1].ready; ++turn) {
    first_is_zero = turn % 2 == 0 ? (order() & 1U) != 0 : !first_is_zero;
    for (RunningChild* child : {&running[first_is_zero ? 0 : 1], &running[first_is_zero ? 1 : 0]}) {
      if (child->ready) take_turn(*child);
    }
  }
  std::array<int, 2> statuses{};
  for (int side = 0; side < 2; ++side) {
    close(running[side].channel);
    statuses[side] = wait_for_child(running[side].pid);
  }
  return statuses;
}

std::vector<int> allowed_cpus() {
  cpu_set_t mask;
  CPU_ZERO(&mask);
  std::vector<int> cpus;
  if (sched_getaffinity(0, sizeof(mask), &mask) != 0) return cpus;
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (CPU_ISSET(cpu, &mask)) cpus.push_back(cpu);
  }
  return cpus;
}

}  // namespace smp::app
