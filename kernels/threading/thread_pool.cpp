#include "kernels/threading/thread_pool.hpp"

#include <memory>
#include <stdexcept>
#include <string>

#include "kernels/kernels.hpp"
#include "kernels/threading/wait_for_change.hpp"

namespace smp::kernels {
namespace {

// True on pool workers, and on a caller while it takes tasks: a parallel call
// made from inside a task runs serially instead of waiting on itself.
thread_local bool t_inside_pool = false;

std::unique_ptr<ThreadPool>& pool_slot() {
  static std::unique_ptr<ThreadPool> pool = std::make_unique<ThreadPool>(1);
  return pool;
}

}  // namespace

ThreadPool::ThreadPool(int threads) : shares_(std::make_unique<Share[]>(static_cast<std::size_t>(threads))) {
  const std::uint64_t start = generation_.load();
  for (int self = 1; self < threads; ++self) {
    workers_.emplace_back([this, start, self] {
      t_inside_pool = true;
      std::uint64_t seen = start;
      for (;;) {
        seen = wait_for_change(generation_, seen);
        if (stopping_.load(std::memory_order_acquire)) return;
        take_tasks(self);
        if (unfinished_workers_.fetch_sub(1, std::memory_order_acq_rel) == 1) unfinished_workers_.notify_one();
      }
    });
  }
}

ThreadPool::~ThreadPool() {
  stopping_.store(true, std::memory_order_release);
  generation_.fetch_add(1, std::memory_order_acq_rel);
  generation_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

void ThreadPool::take_tasks(int self) {
  const int threads = size();
  for (int step = 0; step < threads; ++step) {
    Share& share = shares_[static_cast<std::size_t>((self + step) % threads)];
    for (int index = share.next.fetch_add(1, std::memory_order_relaxed); index < share.end;
         index = share.next.fetch_add(1, std::memory_order_relaxed)) {
      task_.call(task_.context, index);
    }
  }
}

void ThreadPool::run(int count, Task task) {
  std::unique_lock<std::mutex> lock(busy_, std::try_to_lock);
  if (!lock.owns_lock() || workers_.empty() || t_inside_pool) {
    for (int index = 0; index < count; ++index) task.call(task.context, index);
    return;
  }
  task_ = task;
  const int threads = size();
  const auto share_start = [&](int thread) { return static_cast<int>(static_cast<long long>(count) * thread / threads); };
  for (int thread = 0; thread < threads; ++thread) {
    Share& share = shares_[static_cast<std::size_t>(thread)];
    share.next.store(share_start(thread), std::memory_order_relaxed);
    share.end = share_start(thread + 1);
  }
  unfinished_workers_.store(static_cast<int>(workers_.size()), std::memory_order_relaxed);
  generation_.fetch_add(1, std::memory_order_release);  // publishes the fields above
  generation_.notify_all();

  t_inside_pool = true;
  take_tasks(0);
  t_inside_pool = false;
  for (int left = unfinished_workers_.load(std::memory_order_acquire); left != 0;) {
    left = wait_for_change(unfinished_workers_, left);
  }
}

ThreadPool& kernel_pool() { return *pool_slot(); }

void set_thread_count(int threads) {
  if (threads < 1) throw std::invalid_argument("thread count must be at least 1, got " + std::to_string(threads));
  if (threads == kernel_pool().size()) return;
  pool_slot() = std::make_unique<ThreadPool>(threads);
}

int thread_count() { return kernel_pool().size(); }

}  // namespace smp::kernels
