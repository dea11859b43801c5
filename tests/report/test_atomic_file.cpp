#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "report/io/atomic_file.hpp"
#include "report/common/errors.hpp"
#include "report_test_support.hpp"

using namespace smp;
using Catch::Matchers::Contains;

namespace {

namespace fs = std::filesystem;

std::size_t entries(const fs::path& directory) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(directory), fs::directory_iterator()));
}

// While alive, no file of this process may grow past `bytes`, and a write
// beyond that fails with EFBIG (SIGXFSZ ignored): a full disk, as far as
// the writer can tell, for root too.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &previous_);
    previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limited{bytes, previous_.rlim_max};
    ::setrlimit(RLIMIT_FSIZE, &limited);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &previous_);
    std::signal(SIGXFSZ, previous_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit previous_{};
  void (*previous_handler_)(int) = nullptr;
};

}  // namespace

TEST_CASE("an atomic write replaces the file whole and leaves nothing else") {
  test::ScratchDir scratch;
  const auto report = scratch / "report.md";
  test::write_file(report, "previous");
  report::write_file_atomically(report, "current");
  CHECK(test::read_file(report) == "current");
  CHECK(entries(scratch.path()) == 1);
}

TEST_CASE("a write that fails part-way keeps the previous file and removes its temporary") {
  test::ScratchDir scratch;
  const auto report = scratch / "report.md";
  test::write_file(report, "previous");
  {
    const FileSizeLimit full_disk(512);
    CHECK_THROWS_WITH(report::write_file_atomically(report, std::string(4096, 'x')),
                      Contains(report.string()) && Contains("cannot write"));
  }
  CHECK(test::read_file(report) == "previous");
  CHECK(entries(scratch.path()) == 1);
}

TEST_CASE("only regular files are replaced: directories and devices are refused") {
  test::ScratchDir scratch;
  CHECK_THROWS_WITH(report::write_file_atomically(scratch.path(), "x"), Contains("output path is a directory"));
  CHECK_THROWS_WITH(report::write_file_atomically("/dev/null", "x"), Contains("/dev/null: output path is not a regular file"));
  CHECK_THROWS_AS(report::check_output_path("/dev/null", {}), InputError);
  CHECK(fs::is_character_file("/dev/null"));
}
