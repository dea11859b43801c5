#pragma once
// SmallMind's mini training loop (its AllocationProfiler's training workload):
//   w1[batch,hidden]  w2[hidden,hidden]  w3[hidden,batch]   uniform [0,1), one seeded generator
//   forward   h1[batch,hidden] = w1·w2,  out[batch,batch] = h1·w3
//   backward  from dOut = 1 (the loss is Σ out); the gradients of w1, w2, w3
//             and of h1 are buffers rented from a BufferPool
//   zero-grad gives the gradient buffers back (set-to-none)
// No optimiser update: the weights stay as initialised, as in SmallMind.
#include <cstdint>
#include <span>
#include <vector>

#include "model/training/buffer_pool.hpp"

namespace smp::model {

struct TrainingShape {
  int batch = 32;
  int hidden = 256;
};

class TrainingStep {
 public:
  // Throws std::invalid_argument unless batch and hidden are positive. The
  // pool must outlive the step.
  TrainingStep(BufferPool& pool, TrainingShape shape, std::uint64_t seed);

  void forward();
  void backward();
  void zero_grad() noexcept;
  // One step of the loop: forward, backward, zero-grad.
  void run() {
    forward();
    backward();
    zero_grad();
  }

  TrainingShape shape() const { return shape_; }
  std::span<float> w1() { return w1_; }
  std::span<float> w2() { return w2_; }
  std::span<float> w3() { return w3_; }
  std::span<const float> out() const { return out_; }
  // Valid between backward() and zero_grad(); empty otherwise.
  std::span<const float> grad_w1() const { return grad_w1_.span(); }
  std::span<const float> grad_w2() const { return grad_w2_.span(); }
  std::span<const float> grad_w3() const { return grad_w3_.span(); }

 private:
  BufferPool& pool_;
  TrainingShape shape_;
  std::vector<float> w1_, w2_, w3_;
  std::vector<float> h1_, out_;
  std::vector<float> d_out_;  // all ones
  PooledBuffer grad_w1_, grad_w2_, grad_w3_;
};

}  // namespace smp::model
