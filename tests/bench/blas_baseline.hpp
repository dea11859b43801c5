#pragma once
// The optional OpenBLAS side of the kernel benchmark. When OpenBLAS was not
// found at configure time, available() is false and nothing else is called.
#include <string>

namespace smp::bench::blas {

bool available();
// The kernel family OpenBLAS chose for this CPU ("SkylakeX", "Haswell", …).
// OpenBLAS 0.3.21 takes a CPU model it does not know for a generic "Prescott"
// (SSE3) one; OPENBLAS_CORETYPE, read when the library loads, overrides it.
std::string core_name();
void set_thread_count(int threads);

// C[m,n] = A[m,k] · B[k,n] (cblas_sgemm, row-major, no transposes).
void sgemm(float* c, const float* a, const float* b, int m, int k, int n);
// C[m,n] = A[m,k] · Bᵀ with B stored [n,k] (the model's Linear).
void sgemm_bt(float* c, const float* a, const float* b, int m, int k, int n);
// y[n] = W[n,k] · x[k] (cblas_sgemv): the decode step as a matrix–vector product.
void sgemv(float* y, const float* w, const float* x, int k, int n);

}  // namespace smp::bench::blas
