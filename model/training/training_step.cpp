#include "model/training/training_step.hpp"

#include <stdexcept>
#include <string>
#include <utility>

#include "kernels/kernels.hpp"
#include "model/training/matmul_backward.hpp"
#include "model/training/uniform_fill.hpp"

namespace smp::model {
namespace {

TrainingShape checked(TrainingShape shape) {
  if (shape.batch <= 0 || shape.hidden <= 0) {
    throw std::invalid_argument("training shape must be positive, got batch " + std::to_string(shape.batch) +
                                " and hidden " + std::to_string(shape.hidden));
  }
  return shape;
}

}  // namespace

TrainingStep::TrainingStep(BufferPool& pool, TrainingShape shape, std::uint64_t seed)
    : pool_(pool),
      shape_(checked(shape)),
      w1_(std::size_t(shape.batch) * shape.hidden),
      w2_(std::size_t(shape.hidden) * shape.hidden),
      w3_(std::size_t(shape.hidden) * shape.batch),
      h1_(std::size_t(shape.batch) * shape.hidden),
      out_(std::size_t(shape.batch) * shape.batch),
      d_out_(out_.size(), 1.0f) {
  Rng rng(seed);
  fill_uniform(rng, w1_);
  fill_uniform(rng, w2_);
  fill_uniform(rng, w3_);
}

void TrainingStep::forward() {
  const auto [batch, hidden] = shape_;
  kernels::matmul(h1_.data(), w1_.data(), w2_.data(), nullptr, batch, hidden, hidden);
  kernels::matmul(out_.data(), h1_.data(), w3_.data(), nullptr, batch, hidden, batch);
}

void TrainingStep::backward() {
  const auto [batch, hidden] = shape_;
  // out = h1·w3: d_h1 = dOut·w3ᵀ, d_w3 = h1ᵀ·dOut.
  MatmulGradients second = matmul_backward(pool_, d_out_.data(), h1_.data(), w3_.data(), batch, hidden, batch);
  // h1 = w1·w2: d_w1 = d_h1·w2ᵀ, d_w2 = w1ᵀ·d_h1.
  MatmulGradients first = matmul_backward(pool_, second.da.data(), w1_.data(), w2_.data(), batch, hidden, hidden);
  grad_w1_ = std::move(first.da);
  grad_w2_ = std::move(first.db);
  grad_w3_ = std::move(second.db);
  // second.da (d_h1, an intermediate) goes back to the pool here.
}

void TrainingStep::zero_grad() noexcept {
  grad_w1_.release();
  grad_w2_.release();
  grad_w3_.release();
}

}  // namespace smp::model
