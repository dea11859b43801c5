#pragma once
// The kernels' own fixed-size worker pool. Workers are created when the size
// changes and otherwise park between calls (a short spin, then a futex wait);
// a parallel call allocates nothing. The calling thread takes tasks too, so a
// pool of size N runs N tasks at once with N-1 workers.
//
// Tasks are dealt out in fixed shares: of `count` tasks, thread i (the caller
// is thread 0) first runs its own contiguous share, then takes what is left of
// the others'. So back-to-back calls of one shape give each thread the same
// slice of C and of the weights as the call before, still in its own cache: on
// a 2-core Intel Xeon VM (family 6 model 167) a 22x256x256 GEMM ran 1.7x
// faster on 2 threads this way, and no faster at all when any thread could
// take any task. A thread that is late loses its share to the others.
//
// A task may wait for any task of a lower index: a thread takes another
// share only once its own is all taken, so a lower task not yet started has
// an owner that will start it.
//
// A call made while the pool is already busy (from a worker, or from a second
// user thread) runs its tasks serially on the caller, in index order: never
// more threads than the size that was set.
#include <atomic>
#include <cstdint>
#include <memory>
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

  // Runs task(0) … task(count-1), each exactly once, and returns when all are
  // done. Thread i's share is [count·i/size, count·(i+1)/size).
  void run(int count, Task task);

 private:
  // Runs what is left of every share, starting with thread `self`'s own.
  void take_tasks(int self);

  // One thread's share of a call's tasks: indices [next, end) not yet taken.
  struct alignas(64) Share {
    std::atomic<int> next{0};
    int end = 0;
  };

  std::vector<std::thread> workers_;
  std::mutex busy_;  // held by the caller for the length of one parallel call

  // One parallel call's state, published to the workers through generation_.
  Task task_{};
  std::unique_ptr<Share[]> shares_;  // one per thread
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
