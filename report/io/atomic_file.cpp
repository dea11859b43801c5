#include "report/io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>

#include "report/common/errors.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;

std::string errno_text() { return std::strerror(errno); }

// The temporary being written (writes happen one at a time), for the handler
// below; an atomic pointer is what a signal handler may safely read.
std::atomic<const char*> g_temporary{nullptr};

// Ctrl-C or a kill while a temporary exists must not leave it behind: remove
// it, then end the process exactly as the signal would have.
extern "C" void remove_temporary_and_reraise(int signal_number) {
  if (const char* path = g_temporary.exchange(nullptr)) ::unlink(path);
  ::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

constexpr std::array<int, 3> kTerminatingSignals{SIGINT, SIGTERM, SIGHUP};

// Closes the descriptor and removes the temporary unless the rename happened,
// also when a terminating signal arrives meanwhile. Signals the process
// ignores stay ignored.
class TemporaryFile {
 public:
  explicit TemporaryFile(const fs::path& destination) {
    const fs::path directory = destination.has_parent_path() ? destination.parent_path() : fs::path(".");
    std::string hidden_name = destination.filename().string();
    hidden_name.insert(hidden_name.begin(), '.');
    hidden_name += ".tmp-XXXXXX";
    pattern_ = (directory / hidden_name).string();
    fd_ = ::mkstemp(pattern_.data());
    if (fd_ < 0) throw InputError(destination, "cannot create a file in its directory: " + errno_text());
    g_temporary.store(pattern_.c_str());
    struct sigaction cleanup {};
    cleanup.sa_handler = remove_temporary_and_reraise;
    ::sigemptyset(&cleanup.sa_mask);
    for (std::size_t i = 0; i < kTerminatingSignals.size(); ++i) {
      ::sigaction(kTerminatingSignals[i], nullptr, &previous_[i]);
      if (previous_[i].sa_handler == SIG_DFL) ::sigaction(kTerminatingSignals[i], &cleanup, nullptr);
    }
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(pattern_.c_str());
    g_temporary.store(nullptr);
    for (std::size_t i = 0; i < kTerminatingSignals.size(); ++i) {
      ::sigaction(kTerminatingSignals[i], &previous_[i], nullptr);
    }
  }

  int fd() const { return fd_; }
  const std::string& path() const { return pattern_; }
  void close_descriptor() {
    const int status = ::close(fd_);
    fd_ = -1;
    if (status != 0) throw std::runtime_error(errno_text());
  }
  void mark_committed() { committed_ = true; }

 private:
  std::string pattern_;
  int fd_ = -1;
  bool committed_ = false;
  std::array<struct sigaction, kTerminatingSignals.size()> previous_{};
};

// The rename would replace a device, pipe or socket (/dev/full, say) with a
// regular file instead of writing to it, so only regular files are replaced.
void check_replaceable(const fs::path& destination) {
  std::error_code ec;
  const fs::file_status status = fs::status(destination, ec);
  if (fs::is_directory(status)) throw InputError(destination, "output path is a directory");
  if (fs::exists(status) && !fs::is_regular_file(status)) {
    throw InputError(destination, "output path is not a regular file (a device, pipe or socket is never replaced)");
  }
}

void write_all(int fd, std::string_view contents) {
  while (!contents.empty()) {
    const ssize_t written = ::write(fd, contents.data(), contents.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(errno_text());
    }
    contents.remove_prefix(static_cast<std::size_t>(written));
  }
}

}  // namespace

void write_file_atomically(const fs::path& destination, std::string_view contents) {
  check_replaceable(destination);
  TemporaryFile temporary(destination);
  try {
    write_all(temporary.fd(), contents);
    if (::fsync(temporary.fd()) != 0) throw std::runtime_error(errno_text());
    ::fchmod(temporary.fd(), 0644);
    temporary.close_descriptor();
    if (::rename(temporary.path().c_str(), destination.c_str()) != 0) throw std::runtime_error(errno_text());
    temporary.mark_committed();
  } catch (const std::runtime_error& error) {
    throw InputError(destination, std::string("cannot write: ") + error.what());
  }
}

void check_output_path(const fs::path& output, const std::vector<fs::path>& inputs) {
  check_replaceable(output);
  std::error_code ec;
  for (const fs::path& input : inputs) {
    if (fs::exists(output, ec) && fs::equivalent(output, input, ec)) {
      throw InputError(output, "output would overwrite the input " + input.string());
    }
    if (fs::weakly_canonical(output, ec) == fs::weakly_canonical(input, ec)) {
      throw InputError(output, "output would overwrite the input " + input.string());
    }
  }
}

}  // namespace smp::report
