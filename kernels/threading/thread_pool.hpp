#pragma once
// The kernels' own fixed-size worker pool. Workers are created when the size
// changes and otherwise park between calls (a short spin, then a futex wait);
// a parallel call hands out task indices through one atomic counter and
// allocates nothing. The calling thread takes tasks too, so a pool of size N
// runs N tasks at once with N-1 workers.
//
// A call made while the pool is already busy (from a worker, or from a second
// user thread) runs its tasks serially on the caller: never more threads than
// the size that was set.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace smp::kernels {

class ThreadPool {
 public:
  // A borrowed callable: task(context, index). Cheaper than std::function and
  // never allocates; the callable outlives the parallel call that uses it.
  struct Task {
    void (*call)(const void* context, int index);
    const void* context;
  };

  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  // Runs task(0) … task(count-1), each exactly once, and returns when all are done.
  void run(int count, Task task);

 private:
  void take_tasks();

  std::vector<std::thread> workers_;
  std::mutex busy_;  // held by the caller for the length of one parallel call

  // One parallel call's state, published to the workers through generation_.
  Task task_{};
  int count_ = 0;
  std::atomic<int> next_{0};
  std::atomic<int> unfinished_workers_{0};
  std::atomic<std::uint64_t> generation_{0};
  std::atomic<bool> stopping_{false};
};

// The process-wide pool the kernels use; its size is set_thread_count()'s.
ThreadPool& kernel_pool();

// Calls body(index) for index in [0, count) on the kernel pool.
template <class Body>
void parallel_for(int count, const Body& body) {
  if (count <= 0) return;
  if (count == 1) {
    body(0);
    return;
  }
  kernel_pool().run(count,
                    {[](const void* context, int index) { (*static_cast<const Body*>(context))(index); }, &body});
}

}  // namespace smp::kernels
