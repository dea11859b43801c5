#include "app/workloads/turn_channel.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <string>

#include "report/common/errors.hpp"

namespace smp::app {

TurnChannel::TurnChannel(int fd) : fd_(fd) {
  struct stat status {};
  if (fstat(fd, &status) != 0 || !S_ISSOCK(status.st_mode)) {
    throw UsageError("--turn-fd " + std::to_string(fd) + " is not an open socket (ab sets this option)");
  }
}

void TurnChannel::wait_for_turn() const {
  const char ready = 'r';
  ssize_t written = 0;
  do written = write(fd_, &ready, 1);
  while (written < 0 && errno == EINTR);
  char turn = 0;
  ssize_t received = 0;
  if (written == 1) {
    do received = read(fd_, &turn, 1);
    while (received < 0 && errno == EINTR);
  }
  if (received != 1) throw std::runtime_error("the process taking turns with this one (ab) has gone");
}

}  // namespace smp::app
