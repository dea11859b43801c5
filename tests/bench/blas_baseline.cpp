#include "blas_baseline.hpp"

#include <cstdlib>
#include <string>

#include <unistd.h>

#ifdef SMP_HAVE_OPENBLAS
#include <cblas.h>
#endif

namespace smp::bench::blas {

#ifdef SMP_HAVE_OPENBLAS

bool available() { return true; }

std::string core_name() { return openblas_get_corename(); }

void set_thread_count(int threads) { openblas_set_num_threads(threads); }

std::string bounded_thread_spin(char** argv) {
  constexpr const char* kVariable = "OPENBLAS_THREAD_TIMEOUT";
  if (const char* set = std::getenv(kVariable)) return set;
  setenv(kVariable, std::to_string(kSpinExponent).c_str(), 1);
  execv("/proc/self/exe", argv);
  return "28 (re-executing with it bounded failed)";
}

void sgemm(float* c, const float* a, const float* b, int m, int k, int n) {
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0f, a, k, b, n, 0.0f, c, n);
}

void sgemm_bt(float* c, const float* a, const float* b, int m, int k, int n) {
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, m, n, k, 1.0f, a, k, b, k, 0.0f, c, n);
}

void sgemv(float* y, const float* w, const float* x, int k, int n) {
  cblas_sgemv(CblasRowMajor, CblasNoTrans, n, k, 1.0f, w, k, x, 1, 0.0f, y, 1);
}

#else

bool available() { return false; }
std::string core_name() { return ""; }
void set_thread_count(int) {}
std::string bounded_thread_spin(char**) { return ""; }
void sgemm(float*, const float*, const float*, int, int, int) {}
void sgemm_bt(float*, const float*, const float*, int, int, int) {}
void sgemv(float*, const float*, const float*, int, int) {}

#endif

}  // namespace smp::bench::blas
