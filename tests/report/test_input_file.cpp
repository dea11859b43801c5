#include <catch2/catch.hpp>

#include "report/common/errors.hpp"
#include "report/io/input_file.hpp"
#include "report/io/input_limits.hpp"
#include "report_test_support.hpp"

using namespace smp;
using Catch::Matchers::Contains;

TEST_CASE("read_text_input refuses what cannot be a report, naming the file") {
  test::ScratchDir scratch;
  const auto missing = scratch / "missing.md";
  CHECK_THROWS_WITH(report::read_text_input(missing), Contains(missing.string()) && Contains("no such file"));
  CHECK_THROWS_WITH(report::read_text_input(scratch.path()), Contains("is a directory"));

  const auto empty = test::data_path("compare/bad/empty.md");
  CHECK_THROWS_WITH(report::read_text_input(empty), Contains(empty.string()) && Contains("is empty"));
  CHECK_THROWS_WITH(report::read_text_input(test::data_path("compare/bad/garbage.bin")), Contains("binary"));
}

TEST_CASE("read_text_input refuses a file over the size limit before reading it") {
  test::ScratchDir scratch;
  const auto huge = scratch / "huge.md";
  test::write_file(huge, "# report\n");
  std::filesystem::resize_file(huge, report::kMaxInputBytes + 1);  // sparse: no disk used
  CHECK_THROWS_AS(report::read_text_input(huge), InputError);
  CHECK_THROWS_WITH(report::read_text_input(huge), Contains("64 MiB"));
}

TEST_CASE("read_text_input drops a UTF-8 BOM and split_lines accepts CRLF") {
  const std::string plain = report::read_text_input(test::data_path("smallmind/case-a/previous.md"));
  const std::string windows = report::read_text_input(test::data_path("compare/crlf_bom.md"));
  CHECK(windows.starts_with("# "));
  CHECK(report::split_lines(windows) == report::split_lines(plain));
}

TEST_CASE("split_lines keeps empty lines and a last line without terminator") {
  const auto lines = report::split_lines("a\r\n\nb");
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "a");
  CHECK(lines[1].empty());
  CHECK(lines[2] == "b");
}
