#include <sys/resource.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "report/io/atomic_file.hpp"
#include "report/io/directory_lock.hpp"
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

TEST_CASE("only regular files are replaced: directories, devices and system trees are refused") {
  test::ScratchDir scratch;
  CHECK_THROWS_WITH(report::write_file_atomically(scratch.path(), "x"), Contains("output path is a directory"));
  CHECK_THROWS_WITH(report::write_file_atomically("/dev/null", "x"), Contains("/dev/null: is under /dev, /proc or /sys"));
  CHECK(fs::is_character_file("/dev/null"));
  // /dev/stdout is a link into /proc: the link is never replaced by a file,
  // nor the file it leads to when stdout is redirected to one.
  CHECK_THROWS_WITH(report::write_file_atomically("/dev/stdout", "x"), Contains("use - for standard output"));
  CHECK(fs::is_symlink("/dev/stdout"));
  const auto redirected = scratch / "redirected";
  test::write_file(redirected, "kept");
  const int fd = ::open(redirected.c_str(), O_RDONLY);
  const std::string through_proc = "/proc/self/fd/" + std::to_string(fd);
  CHECK_THROWS_WITH(report::write_file_atomically(through_proc, "x"), Contains("is under /dev, /proc or /sys"));
  ::close(fd);
  CHECK(test::read_file(redirected) == "kept");
  const auto fifo = scratch / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THROWS_WITH(report::write_file_atomically(fifo, "x"), Contains("not a regular file"));
  const auto to_device = scratch / "null-link";
  fs::create_symlink("/dev/null", to_device);
  CHECK_THROWS_WITH(report::write_file_atomically(to_device, "x"), Contains("is under /dev"));
  CHECK_THROWS_WITH(report::write_file_atomically("", "x"), Contains("'': the output file name is empty"));
}

TEST_CASE("a symbolic link is written through: its target is replaced, the link stays") {
  test::ScratchDir scratch;
  fs::create_directories(scratch / "elsewhere");
  const auto target = scratch / "elsewhere" / "report.md";
  test::write_file(target, "previous");
  const auto link = scratch / "link.md";
  fs::create_symlink("elsewhere/report.md", link);
  report::write_file_atomically(link, "current");
  CHECK(fs::is_symlink(link));
  CHECK(test::read_file(target) == "current");
  CHECK(entries(scratch / "elsewhere") == 1);

  const auto dangling = scratch / "dangling.md";
  fs::create_symlink("elsewhere/new.md", dangling);
  report::write_file_atomically(dangling, "new");
  CHECK(test::read_file(scratch / "elsewhere" / "new.md") == "new");

  const auto loop = scratch / "loop.md";
  fs::create_symlink("loop.md", loop);
  CHECK_THROWS_WITH(report::write_file_atomically(loop, "x"), Contains("is a symbolic link loop"));
}

TEST_CASE("a replaced file keeps its mode; a new file follows the umask") {
  test::ScratchDir scratch;
  const auto existing = scratch / "private.md";
  test::write_file(existing, "previous");
  fs::permissions(existing, fs::perms::owner_read | fs::perms::owner_write);
  report::write_file_atomically(existing, "current");
  CHECK(fs::status(existing).permissions() == (fs::perms::owner_read | fs::perms::owner_write));

  const mode_t previous_mask = ::umask(027);
  report::write_file_atomically(scratch / "new.md", "new");
  ::umask(previous_mask);
  CHECK((fs::status(scratch / "new.md").permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
}

TEST_CASE("a set of outputs is written all or none") {
  test::ScratchDir scratch;
  test::write_file(scratch / "a.md", "old a");
  test::write_file(scratch / "b.md", "old b");
  {
    const FileSizeLimit full_disk(512);
    CHECK_THROWS_WITH(report::write_output_set({{scratch / "a.md", "new a"}, {scratch / "b.md", std::string(4096, 'x')}}),
                      Contains("b.md") && Contains("cannot write"));
  }
  CHECK(test::read_file(scratch / "a.md") == "old a");
  CHECK(test::read_file(scratch / "b.md") == "old b");
  CHECK(entries(scratch.path()) == 2);
  report::write_output_set({{scratch / "a.md", "new a"}, {scratch / "b.md", "new b"}});
  CHECK(test::read_file(scratch / "a.md") == "new a");
  CHECK(test::read_file(scratch / "b.md") == "new b");
}

TEST_CASE("temporaries a killed writer left are removed by the next write; others' files are kept") {
  test::ScratchDir scratch;
  test::write_file(scratch / ".report.md.tmp-AbC123", "stale");
  test::write_file(scratch / ".report.md.probe-XyZ789", "stale");
  test::write_file(scratch / ".report.md.tmp-notours", "someone else's");
  test::write_file(scratch / ".other.md.tmp-AbC123", "another output's");
  report::write_file_atomically(scratch / "report.md", "current");
  CHECK_FALSE(fs::exists(scratch / ".report.md.tmp-AbC123"));
  CHECK_FALSE(fs::exists(scratch / ".report.md.probe-XyZ789"));
  CHECK(fs::exists(scratch / ".report.md.tmp-notours"));
  CHECK(fs::exists(scratch / ".other.md.tmp-AbC123"));
}

TEST_CASE("a file name of 248 bytes is written although its temporary's name would be longer") {
  test::ScratchDir scratch;
  const auto long_name = scratch / std::string(248, 'r');
  report::write_file_atomically(long_name, "current");
  CHECK(test::read_file(long_name) == "current");
  CHECK(entries(scratch.path()) == 1);
}

TEST_CASE("a set waits for another command's renames into its directory") {
  test::ScratchDir scratch;
  const fs::path directory = scratch.path();
  const fs::path markdown = directory / "report.md";
  const int held = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(held >= 0);
  REQUIRE(::flock(held, LOCK_EX) == 0);  // as another command in its renames
  const pid_t writer = ::fork();
  REQUIRE(writer >= 0);
  if (writer == 0) {
    ::close(held);  // the lock belongs to the parent's open directory, not to this copy of it
    report::write_output_set({{markdown, "one set\n"}, {directory / "report.json", "{}\n"}});
    ::_exit(0);
  }
  // The writer has filled its temporaries (two files in the directory) and
  // waits for the lock: nothing of its set is in place yet.
  for (int wait = 0; wait < 1000 && entries(directory) < 2; ++wait) ::usleep(10000);
  CHECK(entries(directory) == 2);
  ::usleep(100000);
  CHECK_FALSE(fs::exists(markdown));
  ::close(held);
  int status = 0;
  REQUIRE(::waitpid(writer, &status, 0) == writer);
  CHECK(WIFEXITED(status));
  CHECK(test::read_file(markdown) == "one set\n");
  CHECK(entries(directory) == 2);
}

TEST_CASE("a set written into a directory this process holds locked does not wait on itself") {
  test::ScratchDir scratch;
  report::DirectoryLock staging(scratch.path());
  REQUIRE(staging.try_lock());
  report::write_output_set({{scratch / "report.md", "written\n"}});
  CHECK(test::read_file(scratch / "report.md") == "written\n");
}
