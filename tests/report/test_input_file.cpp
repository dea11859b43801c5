#include <sys/stat.h>

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

TEST_CASE("read_text_input names an empty path, a link loop, a FIFO and UTF-16 for what they are") {
  test::ScratchDir scratch;
  CHECK_THROWS_WITH(report::read_text_input(""), Contains("'': the file name is empty"));

  const auto loop = scratch / "loop.md";
  std::filesystem::create_symlink(loop, loop);
  CHECK_THROWS_WITH(report::read_text_input(loop), Contains(loop.string()) && Contains("symbolic link loop"));

  // Opened without blocking, then examined: no writer is needed to refuse it.
  const auto fifo = scratch / "fifo.md";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THROWS_WITH(report::read_text_input(fifo), Contains(fifo.string()) && Contains("not a regular file"));

  const auto utf16 = scratch / "utf16.md";
  test::write_file(utf16, std::string("\xFF\xFE#\0 \0r\0", 8));
  CHECK_THROWS_WITH(report::read_text_input(utf16), Contains("is UTF-16 text"));
  const auto utf16_without_bom = scratch / "utf16-plain.md";
  test::write_file(utf16_without_bom, std::string("#\0 \0r\0e\0", 8));
  CHECK_THROWS_WITH(report::read_text_input(utf16_without_bom), Contains("is UTF-16 text"));
}

TEST_CASE("read_text_input refuses a file over the size limit before reading it") {
  test::ScratchDir scratch;
  const auto huge = scratch / "huge.md";
  test::write_file(huge, "# report\n");
  std::filesystem::resize_file(huge, report::kMaxInputBytes + 1);  // sparse: no disk used
  CHECK_THROWS_AS(report::read_text_input(huge), InputError);
  CHECK_THROWS_WITH(report::read_text_input(huge), Contains("64 MiB"));
}

TEST_CASE("read_text_input drops a UTF-8 BOM and LineReader accepts CRLF") {
  const std::string plain = report::read_text_input(test::data_path("smallmind/case-a/previous.md"));
  const std::string windows = report::read_text_input(test::data_path("compare/crlf_bom.md"));
  CHECK(windows.starts_with("# "));
  CHECK(test::lines_of(windows) == test::lines_of(plain));
}

TEST_CASE("LineReader keeps empty lines and a last line without terminator, numbering them") {
  report::LineReader lines("a\r\n\nb");
  CHECK(lines.peek() == "a");
  lines.advance();
  CHECK(lines.peek() == "");
  CHECK(lines.line_number() == 2);
  lines.advance();
  CHECK(lines.peek() == "b");
  lines.advance();
  CHECK_FALSE(lines.peek());
  CHECK(test::lines_of("a\n") == std::vector<std::string>{"a"});
}
