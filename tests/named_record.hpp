#pragma once
// The record of a list called `name` (a scope, a scope's statistics), failing
// the test when there is none, for tests that go on to check its figures.
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "report/records/find_by_name.hpp"

namespace smp::test {

template <class Named>
const Named& named(const std::vector<Named>& items, std::string_view name) {
  const Named* item = report::find_by_name(items, name);
  if (item == nullptr) FAIL("no record named " << name);
  return *item;
}

}  // namespace smp::test
