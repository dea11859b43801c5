#pragma once
// The backward pass of C = A·B. Shapes: a[m,k], b[k,n], dc[m,n] (the
// gradient flowing into C); da[m,k] = dc·bᵀ and db[k,n] = aᵀ·dc.
#include "model/training/buffer_pool.hpp"

namespace smp::model {

// Outputs first; accumulates (da += dc·bᵀ, db += aᵀ·dc) so gradients from
// several uses of an input add up.
void matmul_backward_accumulate(float* da, float* db, const float* dc, const float* a, const float* b, int m,
                                int k, int n);

// The gradients of one matmul's inputs, held in buffers rented from a pool.
struct MatmulGradients {
  PooledBuffer da;  // [m,k]
  PooledBuffer db;  // [k,n]

  // Gives both buffers back to the pool: zero-grad in PyTorch's set-to-none
  // form, so the next backward rents (and zeroes) fresh gradient buffers.
  void zero_grad() noexcept {
    da.release();
    db.release();
  }
};

// Rents da and db from `pool`, zeroes them (a pooled buffer comes back with a
// previous renter's values) and accumulates the gradients into them.
MatmulGradients matmul_backward(BufferPool& pool, const float* dc, const float* a, const float* b, int m, int k,
                                int n);

}  // namespace smp::model
