#pragma once
// Waiting for another thread to change an atomic: the kernel pool's workers
// wait for the next call this way, and a forward pass's row parts for the
// keys and values of the parts before them.
#include <atomic>
#include <chrono>

#include "kernels/arch/cpu_primitives.hpp"

namespace smp::kernels {

// Back-to-back kernel calls (a forward pass is a chain of GEMMs) come faster
// than a futex wake-up; waiters spin this long before they sleep. Short, as
// the cores may be shared.
inline constexpr auto kSpinBeforeSleep = std::chrono::microseconds(50);

// Waits until value != old and returns the new value: spins for
// kSpinBeforeSleep, then sleeps in the kernel until notified.
template <class T>
T wait_for_change(const std::atomic<T>& value, T old) {
  const auto spin_until = std::chrono::steady_clock::now() + kSpinBeforeSleep;
  for (int round = 0;; ++round) {
    const T now = value.load(std::memory_order_acquire);
    if (now != old) return now;
    spin_wait_hint();
    // Reading the clock costs more than a pause, so only every 64 rounds.
    if (round % 64 == 63 && std::chrono::steady_clock::now() > spin_until) break;
  }
  for (;;) {
    value.wait(old, std::memory_order_acquire);
    const T now = value.load(std::memory_order_acquire);
    if (now != old) return now;
  }
}

}  // namespace smp::kernels
