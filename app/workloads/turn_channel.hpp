#pragma once
// The measuring child's end of ab's lock step. ab keeps both sides' processes
// of a round alive at once and lets them take turns, one case at a time, so
// a case's two measurements are milliseconds apart and share the machine's
// state of that moment: on a shared host that state drifts and switches
// every second or so, and moves whole processes by a third.
// The protocol, on one stream socket: the child writes one byte when it is
// ready for a turn and blocks until ab writes one back.
namespace smp::app {

class TurnChannel {
 public:
  // UsageError unless `fd` is an open socket.
  explicit TurnChannel(int fd);
  // Blocks until it is this process's turn; std::runtime_error when ab has gone.
  void wait_for_turn() const;

 private:
  int fd_;
};

}  // namespace smp::app
