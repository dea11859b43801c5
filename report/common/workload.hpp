#pragma once
// Facts of SmallMind's workload that every layer refers to: the generation
// its GPT runs and the seed its inputs are drawn from.
#include <cstddef>
#include <cstdint>

namespace smp {

inline constexpr int kPromptTokens = 10;     // random start tokens of each generation
inline constexpr int kGeneratedTokens = 25;  // tokens each model inference generates
inline constexpr std::uint64_t kDefaultSeed = 42;
inline constexpr std::size_t kSuiteScopeCount = 29;  // scopes SmallMind's CodeProfiler records

}  // namespace smp
