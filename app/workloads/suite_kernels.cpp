// The kernel cases of the enhanced suite, named and structured as SmallMind's
// CodeProfiler: an outer scope per size holding a warm-up call and the timed
// iterations, each iteration in its own *_Iteration scope.
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "app/workloads/placed_floats.hpp"
#include "app/workloads/suite.hpp"
#include "kernels/kernels.hpp"

namespace smp::app {
namespace {

using report::Profiler;
using report::Work;

constexpr double kFloatBytes = sizeof(float);

using Buffer = std::shared_ptr<PlacedFloats>;

Buffer zero_buffer(std::size_t count) { return std::make_shared<PlacedFloats>(count); }

Buffer random_buffer(std::size_t count, std::mt19937_64& generator) {
  std::uniform_real_distribution<float> distribution(-1.0f, 1.0f);
  Buffer buffer = zero_buffer(count);
  for (std::size_t i = 0; i < count; ++i) buffer->data()[i] = distribution(generator);
  return buffer;
}

// One kernel case as SmallMind times it: inside `outer`, an optional warm-up
// call, then `iterations` calls each in its own `iteration` scope; `per_call`
// is the work of one call. The names given here are the names recorded.
// Every kernel case takes milliseconds at most, so ab's lock step warms it
// in each turn (run_suite).
struct IteratedKernel {
  std::string outer;
  std::string iteration;
  bool warm_up = true;
  int iterations = 0;
  Work per_call;
};

template <class Call>
SuiteCase iterated_case(IteratedKernel kernel, Call call) {
  std::vector<std::string> names{kernel.outer, kernel.iteration};
  const Work per_call = kernel.per_call;
  return {std::move(names), [kernel = std::move(kernel), call](Profiler& profiler) {
            const int calls = kernel.iterations + (kernel.warm_up ? 1 : 0);
            Profiler::Scope outer(profiler, kernel.outer,
                                  {kernel.per_call.flops * calls, kernel.per_call.bytes * calls});
            if (kernel.warm_up) call();
            for (int i = 0; i < kernel.iterations; ++i) {
              Profiler::Scope iteration(profiler, kernel.iteration, kernel.per_call);
              call();
            }
          },
          per_call, /*warm_in_turn=*/true};
}

SuiteCase matmul_case(int n, std::mt19937_64& generator) {
  const auto size = static_cast<std::size_t>(n) * n;
  auto a = random_buffer(size, generator);
  auto b = random_buffer(size, generator);
  auto c = zero_buffer(size);
  return iterated_case({"MatMul_" + std::to_string(n) + "x" + std::to_string(n), "MatMul_Iteration", true, 3,
                        {2.0 * n * n * n, 3.0 * double(size) * kFloatBytes}},
                       [=] { kernels::matmul(c->data(), a->data(), b->data(), nullptr, n, n, n); });
}

SuiteCase gelu_case(std::size_t n, std::mt19937_64& generator) {
  auto x = random_buffer(n, generator);
  auto y = zero_buffer(n);
  return iterated_case({"GELU_" + std::to_string(n), "GELU_Iteration", true, 5, {0.0, 2.0 * double(n) * kFloatBytes}},
                       [=] { kernels::gelu(y->data(), x->data(), n); });
}

SuiteCase softmax_case(int n, std::mt19937_64& generator) {
  auto x = random_buffer(std::size_t(n), generator);
  auto y = zero_buffer(std::size_t(n));
  return iterated_case({"Softmax_" + std::to_string(n), "Softmax_Iteration", true, 5, {0.0, 2.0 * n * kFloatBytes}},
                       [=] { kernels::softmax(y->data(), x->data(), 1, n); });
}

// TensorAdd / TensorMul of 10,000 elements: 10 calls, no warm-up (as SmallMind).
using BinaryKernel = void (*)(float*, const float*, const float*, std::size_t);

SuiteCase tensor_op_case(const std::string& op_name, BinaryKernel op, std::mt19937_64& generator) {
  constexpr std::size_t kElements = 10000;
  auto a = random_buffer(kElements, generator);
  auto b = random_buffer(kElements, generator);
  auto y = zero_buffer(kElements);
  return iterated_case({op_name + "_10000", op_name + "_Iteration", false, 10,
                        {double(kElements), 3.0 * double(kElements) * kFloatBytes}},
                       [=] { op(y->data(), a->data(), b->data(), kElements); });
}

SuiteCase broadcast_add_case(std::mt19937_64& generator) {
  constexpr int kRows = 100;
  constexpr int kCols = 100;
  auto x = random_buffer(kRows * kCols, generator);
  auto row = random_buffer(kCols, generator);
  auto y = zero_buffer(kRows * kCols);
  return iterated_case({"BroadcastAdd_100x100", "BroadcastAdd_Iteration", false, 10,
                        {double(kRows * kCols), (2.0 * kRows * kCols + kCols) * kFloatBytes}},
                       [=] { kernels::add_broadcast_row(y->data(), x->data(), row->data(), kRows, kCols); });
}

}  // namespace

std::vector<SuiteCase> kernel_cases(std::uint64_t seed) {
  std::mt19937_64 generator(seed);
  std::vector<SuiteCase> cases;
  for (int n : {64, 128, 256, 512}) cases.push_back(matmul_case(n, generator));
  for (std::size_t n : {1000u, 10000u, 100000u, 1000000u}) cases.push_back(gelu_case(n, generator));
  for (int n : {256, 512, 1024, 2048}) cases.push_back(softmax_case(n, generator));
  cases.push_back(tensor_op_case("TensorAdd", kernels::add, generator));
  cases.push_back(tensor_op_case("TensorMul", kernels::mul, generator));
  cases.push_back(broadcast_add_case(generator));
  return cases;
}

}  // namespace smp::app
