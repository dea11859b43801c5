#include <cstdint>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "model/tensor_arena.hpp"

using smp::model::TensorArena;

TEST_CASE("an arena lays tensors out in order, cache-line aligned and zeroed", "[model][arena]") {
  TensorArena arena({{"a", -1, {3, 5}}, {"b", -1, {7}}, {"c", -1, {2, 2, 2}}});
  REQUIRE(arena.table().size() == 3);
  CHECK(arena.element_count() == 15 + 7 + 8);
  CHECK(arena.table()[1].size == 7);
  for (int i = 0; i < 3; ++i) {
    const auto tensor = arena.tensor(i);
    CHECK(reinterpret_cast<std::uintptr_t>(tensor.data()) % 64 == 0);
    for (float value : tensor) CHECK(value == 0.0f);
  }
  // Tensors do not overlap: each ends before the next begins.
  CHECK(arena.tensor(0).data() + 15 <= arena.tensor(1).data());
  CHECK(arena.tensor(1).data() + 7 <= arena.tensor(2).data());
  CHECK(arena.bytes() >= arena.element_count() * sizeof(float));
}

TEST_CASE("tensors are found by their full name", "[model][arena]") {
  TensorArena arena({{"weight", 3, {2, 3}}, {"bias", -1, {3}}});
  CHECK(arena.table()[0].full_name() == "layer3.weight");
  CHECK(arena.table()[1].full_name() == "bias");
  arena.tensor(1)[2] = 4.0f;
  CHECK(arena.tensor("bias")[2] == 4.0f);
  CHECK(arena.tensor("layer3.weight").size() == 6);
  CHECK_THROWS_AS(arena.tensor("weight"), std::out_of_range);
}

TEST_CASE("shapes hold up to four extents inline", "[model][arena]") {
  const smp::model::TensorShape shape = {2, 3, 4, 5};
  CHECK(shape.rank == 4);
  CHECK(shape.element_count() == 120);
  CHECK(shape.extents()[3] == 5);
  CHECK(smp::model::TensorShape{}.element_count() == 1);  // rank 0: a scalar
  CHECK_THROWS_AS(smp::model::TensorShape({1, 2, 3, 4, 5}), std::invalid_argument);
}
