// Replays every input a fuzz target once crashed on (tests/data/fuzz-regressions/,
// each named after its target) through the same code the target runs: each
// must now be refused with an InputError or handled, and under the asan-ubsan
// preset without a sanitizer report.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "report_test_support.hpp"
#include "tests/fuzz/fuzz_inputs.hpp"

using namespace smp;

TEST_CASE("saved fuzzer crash inputs are refused or handled") {
  std::size_t replayed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(test::data_path("fuzz-regressions"))) {
    const std::string name = entry.path().filename().string();
    const std::string bytes = test::read_file(entry.path());
    INFO(name);
    if (name.starts_with("markdown_report-")) {
      CHECK_NOTHROW(fuzz::markdown_report_input(bytes));
    } else if (name.starts_with("json_profile-")) {
      CHECK_NOTHROW(fuzz::json_profile_input(bytes));
    } else if (name.starts_with("alloc_json-")) {
      CHECK_NOTHROW(fuzz::alloc_json_input(bytes));
    } else if (name.starts_with("baseline_index-")) {
      CHECK_NOTHROW(fuzz::baseline_index_input(bytes));
    } else if (name.starts_with("compare-")) {
      CHECK_NOTHROW(fuzz::compare_input(bytes));
    } else {
      FAIL("the file name does not start with a fuzz target's name");
    }
    ++replayed;
  }
  CHECK(replayed > 0);
}
