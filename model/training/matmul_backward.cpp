#include "model/training/matmul_backward.hpp"

#include <algorithm>
#include <cstddef>

#include "kernels/kernels.hpp"

namespace smp::model {

void matmul_backward_accumulate(float* da, float* db, const float* dc, const float* a, const float* b, int m,
                                int k, int n) {
  // da[m,k] += dc[m,n] · bᵀ, with b stored [k,n]: the kernel's "B is [n,k]" with its n = k, k = n.
  kernels::matmul_bt_accumulate(da, dc, b, m, n, k);
  // db[k,n] += aᵀ · dc, with a stored [m,k]: the kernel's "A is [k,m]" with its m = k, k = m.
  kernels::matmul_at_accumulate(db, a, dc, k, m, n);
}

MatmulGradients matmul_backward(BufferPool& pool, const float* dc, const float* a, const float* b, int m, int k,
                                int n) {
  MatmulGradients gradients{pool.rent(std::size_t(m) * k), pool.rent(std::size_t(k) * n)};
  std::ranges::fill(gradients.da.span(), 0.0f);
  std::ranges::fill(gradients.db.span(), 0.0f);
  matmul_backward_accumulate(gradients.da.data(), gradients.db.data(), dc, a, b, m, k, n);
  return gradients;
}

}  // namespace smp::model
