#include "report/io/signal_cleanup.hpp"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <mutex>
#include <stdexcept>

namespace smp::report {
namespace {

constexpr std::array<int, 3> kTerminatingSignals{SIGINT, SIGTERM, SIGHUP};
// More than any command writes at once (run's files and its staging directory).
constexpr std::size_t kSlots = 64;

// Atomic pointers are what a signal handler may safely read.
std::array<std::atomic<const char*>, kSlots> g_paths{};
std::mutex g_registration;
int g_registered = 0;
std::array<struct sigaction, kTerminatingSignals.size()> g_previous{};

extern "C" void remove_paths_and_reraise(int signal_number) {
  for (std::size_t i = kSlots; i-- > 0;) {
    if (const char* path = g_paths[i].exchange(nullptr)) {
      ::unlink(path);
      ::rmdir(path);
    }
  }
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

sigset_t terminating_set() {
  sigset_t set;
  ::sigemptyset(&set);
  for (int signal_number : kTerminatingSignals) ::sigaddset(&set, signal_number);
  return set;
}

}  // namespace

CleanupOnSignal::CleanupOnSignal(std::string path) : path_(std::move(path)), slot_(-1) {
  const std::lock_guard lock(g_registration);
  for (std::size_t i = 0; i < kSlots && slot_ < 0; ++i) {
    if (g_paths[i].load() == nullptr) slot_ = static_cast<int>(i);
  }
  if (slot_ < 0) throw std::logic_error("more temporaries at once than the signal cleanup holds");
  g_paths[static_cast<std::size_t>(slot_)].store(path_.c_str());
  if (g_registered++ > 0) return;
  struct sigaction cleanup {};
  cleanup.sa_handler = remove_paths_and_reraise;
  ::sigemptyset(&cleanup.sa_mask);
  for (std::size_t i = 0; i < kTerminatingSignals.size(); ++i) {
    ::sigaction(kTerminatingSignals[i], nullptr, &g_previous[i]);
    if (g_previous[i].sa_handler == SIG_DFL) ::sigaction(kTerminatingSignals[i], &cleanup, nullptr);
  }
}

CleanupOnSignal::~CleanupOnSignal() {
  const std::lock_guard lock(g_registration);
  g_paths[static_cast<std::size_t>(slot_)].store(nullptr);
  if (--g_registered > 0) return;
  for (std::size_t i = 0; i < kTerminatingSignals.size(); ++i) ::sigaction(kTerminatingSignals[i], &g_previous[i], nullptr);
}

DeferTerminatingSignals::DeferTerminatingSignals() : previous_() {
  const sigset_t set = terminating_set();
  ::pthread_sigmask(SIG_BLOCK, &set, &previous_);
}

DeferTerminatingSignals::~DeferTerminatingSignals() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }

}  // namespace smp::report
