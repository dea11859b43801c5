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

// OpenBLAS's idle threads spin for 2^OPENBLAS_THREAD_TIMEOUT cycles (2^28 by
// default, about 0.1 s) before they sleep, holding the cores our pool's
// worker needs in the next interleaved batch. The variable is read when the
// library loads, so when it is unset this sets it to kSpinExponent — about
// as long as our pool spins (50 µs at 2.6 GHz) — and re-executes the
// program; it returns only if the variable was already set (or re-executing
// failed). Returns the value in force.
inline constexpr int kSpinExponent = 17;
std::string bounded_thread_spin(char** argv);

// C[m,n] = A[m,k] · B[k,n] (cblas_sgemm, row-major, no transposes).
void sgemm(float* c, const float* a, const float* b, int m, int k, int n);
// C[m,n] = A[m,k] · Bᵀ with B stored [n,k] (the model's Linear).
void sgemm_bt(float* c, const float* a, const float* b, int m, int k, int n);
// y[n] = W[n,k] · x[k] (cblas_sgemv): the decode step as a matrix–vector product.
void sgemv(float* y, const float* w, const float* x, int k, int n);

}  // namespace smp::bench::blas
