#pragma once
// How a GEMM is cut into tasks for the thread pool: contiguous ranges of rows
// or columns of C, with boundaries on multiples of a tile size so every task
// runs whole tiles.
#include <algorithm>

// Anonymous namespace: ISA code must not leak across translation units (arch_kernels.hpp).
namespace smp::kernels {
namespace {

struct Range {
  int begin;
  int end;
};

// Part `index` of `parts` near-equal pieces of [0, total), boundaries on multiples of `align`.
Range split_range(int total, int parts, int align, int index) {
  const int units = (total + align - 1) / align;
  const auto boundary = [&](int part) {
    return std::min(total, static_cast<int>(static_cast<long long>(units) * part / parts) * align);
  };
  return {boundary(index), boundary(index + 1)};
}

// Tasks worth starting for `flops` of work on `threads` threads: at most
// `max_tasks`, at most `units` (indivisible pieces), each carrying at least
// kFlopsPerTask (about 2 µs of FMA work: a worker spinning between the
// back-to-back GEMMs of a forward pass takes a task in well under a
// microsecond, and a late worker costs nothing, as the caller takes the
// tasks it has not), and a multiple of the thread count once there are more tasks
// than threads, so no thread is left with one task more than the others.
int task_count(double flops, int threads, int max_tasks, int units) {
  constexpr double kFlopsPerTask = 0.2e6;
  const int by_work = std::max(1, static_cast<int>(flops / kFlopsPerTask));
  const int tasks = std::max(1, std::min({max_tasks, by_work, units}));
  return tasks > threads ? tasks - tasks % threads : tasks;
}

}  // namespace
}  // namespace smp::kernels
