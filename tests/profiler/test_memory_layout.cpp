// The layout draws that make buffer placement a sampled variable.
#include <catch2/catch.hpp>

#include <set>

#include "app/jobs/child_process.hpp"
#include "report/measure/memory_layout.hpp"

using smp::report::LayoutDraws;

TEST_CASE("without a layout seed every placement is the natural one", "[layout]") {
  LayoutDraws draws(std::nullopt);
  CHECK(draws.heap_padding_bytes() == 0);
  for (std::size_t count : {0u, 1u, 17u, 10000u}) CHECK(draws.buffer_offset_floats(count) == 0);
}

TEST_CASE("a layout seed draws cache-line offsets within one page", "[layout]") {
  LayoutDraws draws(42);
  std::set<std::size_t> offsets;
  for (int i = 0; i < 500; ++i) {
    const std::size_t offset = draws.buffer_offset_floats(10000);
    CHECK(offset % 16 == 0);
    CHECK(offset <= 1008);
    offsets.insert(offset);
  }
  CHECK(offsets.size() > 32);  // 64 placements, 500 draws: nearly all of them appear
  for (int i = 0; i < 100; ++i) {
    const std::size_t padding = draws.heap_padding_bytes();
    CHECK(padding % 64 == 0);
    CHECK(padding < 4096);
  }
}

TEST_CASE("one seed draws one layout, another seed another", "[layout]") {
  LayoutDraws first(7);
  LayoutDraws again(7);
  LayoutDraws other(8);
  std::size_t differences = 0;
  for (int i = 0; i < 50; ++i) {
    const std::size_t offset = first.buffer_offset_floats(100);
    CHECK(again.buffer_offset_floats(100) == offset);
    differences += other.buffer_offset_floats(100) != offset ? 1 : 0;
  }
  CHECK(differences > 25);
}

TEST_CASE("a buffer the allocator maps on its own keeps its page offset", "[layout]") {
  LayoutDraws draws(42);
  // 128 KiB is where glibc maps a block on its own once the thresholds are fixed.
  CHECK(draws.buffer_offset_floats(32 * 1024) == 0);
  CHECK(draws.buffer_offset_floats(1000000) == 0);
  std::set<std::size_t> offsets;
  for (int i = 0; i < 100; ++i) offsets.insert(draws.buffer_offset_floats(30000));
  CHECK(offsets.size() > 1);
}

TEST_CASE("each measuring child gets its own stack padding and layout seed", "[layout]") {
  std::uint64_t state = 1;
  const std::vector<std::string> first = smp::app::random_layout_environment(state);
  const std::vector<std::string> second = smp::app::random_layout_environment(state);
  REQUIRE(first.size() == 2);
  REQUIRE(second.size() == 2);
  const std::string seed_entry = std::string(smp::report::kLayoutSeedVariable) + "=";
  CHECK(first[1].rfind(seed_entry, 0) == 0);
  CHECK(first[1] != second[1]);
  CHECK(first[0].rfind("SMALLMIND_PROF_STACK_PADDING=", 0) == 0);
}
