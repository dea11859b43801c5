#include <atomic>
#include <thread>
#include <vector>

#include "kernel_test_support.hpp"
#include "kernels/threading/thread_pool.hpp"

namespace {

using smp::test::ThreadScope;

// Runs parallel_for over `count` indices and returns how often each ran.
std::vector<int> run_counts(int count) {
  std::vector<std::atomic<int>> hits(static_cast<std::size_t>(count));
  smp::kernels::parallel_for(count, [&](int index) { hits[static_cast<std::size_t>(index)].fetch_add(1); });
  std::vector<int> counts;
  for (const auto& hit : hits) counts.push_back(hit.load());
  return counts;
}

}  // namespace

TEST_CASE("kernels: parallel_for runs every index exactly once", "[kernels][threads]") {
  const int threads = GENERATE(1, 2, 3);
  const int count = GENERATE(0, 1, 2, 7, 64);
  ThreadScope scope(threads);
  INFO("threads=" << threads << " count=" << count);
  // Repeated calls reuse the parked workers; every call must still cover all indices.
  for (int round = 0; round < 50; ++round) CHECK(run_counts(count) == std::vector<int>(std::size_t(count), 1));
}

TEST_CASE("kernels: a parallel_for inside a task runs serially instead of waiting on itself", "[kernels][threads]") {
  ThreadScope scope(2);
  std::atomic<int> inner_total{0};
  smp::kernels::parallel_for(4, [&](int) {
    smp::kernels::parallel_for(8, [&](int) { inner_total.fetch_add(1); });
  });
  CHECK(inner_total.load() == 32);
}

TEST_CASE("kernels: parallel_for from two user threads at once completes both", "[kernels][threads]") {
  ThreadScope scope(2);
  std::atomic<int> total{0};
  const auto caller = [&] {
    for (int round = 0; round < 200; ++round) smp::kernels::parallel_for(5, [&](int) { total.fetch_add(1); });
  };
  std::thread first(caller);
  std::thread second(caller);
  first.join();
  second.join();
  CHECK(total.load() == 2 * 200 * 5);
}

// The pool's promise that lets tasks form a chain: a task may wait for any
// task of a lower index, whoever runs it and however late a worker wakes. A
// broken promise shows as a hang, which the test runner's timeout reports.
TEST_CASE("kernels: a task waiting on the task before it always completes", "[kernels][threads]") {
  const int threads = GENERATE(1, 2, 3);
  const int count = GENERATE(2, 3, 7, 16);
  ThreadScope scope(threads);
  INFO("threads=" << threads << " count=" << count);
  for (int round = 0; round < 50; ++round) {
    std::vector<std::atomic<bool>> done(static_cast<std::size_t>(count));
    smp::kernels::parallel_for(count, [&](int index) {
      if (index > 0) {
        while (!done[static_cast<std::size_t>(index - 1)].load(std::memory_order_acquire)) std::this_thread::yield();
      }
      done[static_cast<std::size_t>(index)].store(true, std::memory_order_release);
    });
    for (const auto& flag : done) CHECK(flag.load());
  }
}
