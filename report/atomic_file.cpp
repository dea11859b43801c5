#include "atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "errors.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;

std::string errno_text() { return std::strerror(errno); }

// Closes the descriptor and removes the temporary unless the rename happened.
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
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(pattern_.c_str());
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
};

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
  std::error_code ec;
  if (fs::is_directory(destination, ec)) throw InputError(destination, "output path is a directory");
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
  std::error_code ec;
  if (fs::is_directory(output, ec)) throw InputError(output, "output path is a directory");
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
