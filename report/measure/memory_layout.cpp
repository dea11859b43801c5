#include "report/measure/memory_layout.hpp"

#include <malloc.h>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace smp::report {
namespace {

// glibc's own default mmap threshold; setting it (and the trim threshold)
// turns off the adaptation described in the header.
constexpr int kMmapThreshold = 128 * 1024;
constexpr int kTrimThreshold = 2 * kMmapThreshold;
constexpr std::size_t kCacheLineBytes = 64;
constexpr std::size_t kCacheLineFloats = kCacheLineBytes / sizeof(float);
constexpr std::size_t kPlacements = 4096 / kCacheLineBytes;  // cache lines in a page

std::optional<std::uint64_t> seed_from_environment() {
  const char* text = std::getenv(kLayoutSeedVariable);
  if (text == nullptr) return std::nullopt;
  std::uint64_t seed = 0;
  const char* end = text + std::strlen(text);
  const auto [last, error] = std::from_chars(text, end, seed);
  if (error != std::errc() || last != end) return std::nullopt;
  return seed;
}

}  // namespace

LayoutDraws::LayoutDraws(std::optional<std::uint64_t> seed) {
  if (seed) random_.emplace(*seed);
}

std::size_t LayoutDraws::next_cache_line() {
  return random_ ? static_cast<std::size_t>((*random_)() % kPlacements) : 0;
}

std::size_t LayoutDraws::heap_padding_bytes() { return next_cache_line() * kCacheLineBytes; }

std::size_t LayoutDraws::buffer_offset_floats(std::size_t count) {
  const std::size_t largest_offset = (kPlacements - 1) * kCacheLineFloats;
  if ((count + largest_offset) * sizeof(float) >= static_cast<std::size_t>(kMmapThreshold)) return 0;
  return next_cache_line() * kCacheLineFloats;
}

LayoutDraws& process_layout() {
  static LayoutDraws draws(seed_from_environment());
  return draws;
}

void steady_heap_layout() {
  mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
  mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
  // Held for the life of the process: its only job is to take up room.
  static const std::unique_ptr<char[]> padding = [] {
    const std::size_t bytes = process_layout().heap_padding_bytes();
    return bytes > 0 ? std::make_unique<char[]>(bytes) : nullptr;
  }();
}

}  // namespace smp::report
