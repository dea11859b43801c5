#include "report/io/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>

#include "report/common/errors.hpp"
#include "report/io/input_limits.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Length of the UTF-8 sequence starting at `text[i]`, or 0 when it is malformed.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t length = 0;
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0 && lead >= 0xC2) length = 2;
  else if ((lead & 0xF0) == 0xE0) length = 3;
  else if ((lead & 0xF8) == 0xF0 && lead <= 0xF4) length = 4;
  else return 0;
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 0;
  }
  return length;
}

// Text reports are UTF-8 without NUL bytes; anything else is binary.
bool looks_binary(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') return true;
    const std::size_t length = utf8_sequence_length(text, i);
    if (length == 0) return true;
    i += length;
  }
  return false;
}

std::string open_problem(int error) {
  switch (error) {
    case ENOENT: return "no such file";
    case ELOOP: return "is a symbolic link loop";
    case EACCES: return "permission denied";
    default: return std::string("cannot be opened for reading: ") + std::strerror(error);
  }
}

// Closes the descriptor on every way out.
class ScopedDescriptor {
 public:
  explicit ScopedDescriptor(int fd) : fd_(fd) {}
  ScopedDescriptor(const ScopedDescriptor&) = delete;
  ScopedDescriptor& operator=(const ScopedDescriptor&) = delete;
  ~ScopedDescriptor() { ::close(fd_); }

 private:
  int fd_;
};

// The whole file, refusing one that grows past `limit` while it is read.
std::string read_up_to(int fd, std::uintmax_t limit, const fs::path& path) {
  std::string text;
  std::array<char, 1 << 16> buffer{};
  while (true) {
    const ssize_t count = ::read(fd, buffer.data(), buffer.size());
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) throw InputError(path, "read failed: " + std::string(std::strerror(errno)));
    if (count == 0) return text;
    if (text.size() + static_cast<std::size_t>(count) > limit) {
      throw InputError(path, "grew over the 64 MiB limit for a report while being read");
    }
    text.append(buffer.data(), static_cast<std::size_t>(count));
  }
}

// UTF-16 text starts with its byte-order mark, or, when it has none, holds a
// NUL beside every ASCII character.
bool looks_utf16(std::string_view text) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) return true;
  return text.size() >= 4 && ((text[0] == '\0') != (text[1] == '\0')) && ((text[2] == '\0') != (text[3] == '\0'));
}

}  // namespace

std::string read_text_input(const fs::path& path) {
  if (path.empty()) throw InputError(path, "the file name is empty");
  // Opened before it is looked at, and without blocking: a path swapped for a
  // FIFO after a check would otherwise hang the open, and the checks below
  // are of the file actually opened.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw InputError(path, open_problem(errno));
  const ScopedDescriptor descriptor(fd);
  struct stat status {};
  if (::fstat(fd, &status) != 0) throw InputError(path, "cannot be examined: " + std::string(std::strerror(errno)));
  if (S_ISDIR(status.st_mode)) throw InputError(path, "is a directory, not a report file");
  if (!S_ISREG(status.st_mode)) throw InputError(path, "is not a regular file");
  const auto size = static_cast<std::uintmax_t>(status.st_size);
  if (size > kMaxInputBytes) {
    throw InputError(path, "is " + std::to_string(size) + " bytes, over the 64 MiB limit for a report");
  }
  return checked_text(read_up_to(fd, kMaxInputBytes, path), path);
}

std::string checked_text(std::string text, const fs::path& path) {
  if (text.starts_with(kUtf8Bom)) text.erase(0, kUtf8Bom.size());
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError(path, "is empty");
  if (looks_utf16(text)) throw InputError(path, "is UTF-16 text; reports are read as UTF-8 (convert it, e.g. with iconv)");
  if (looks_binary(text)) throw InputError(path, "is binary, not a text report");
  return text;
}

std::optional<std::string_view> LineReader::peek() const {
  if (done_ || rest_.empty()) return std::nullopt;
  std::string_view line = rest_.substr(0, rest_.find('\n'));
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

void LineReader::advance() {
  const std::size_t end = rest_.find('\n');
  if (end == std::string_view::npos) {
    done_ = true;
  } else {
    rest_.remove_prefix(end + 1);
  }
  ++line_number_;
}

}  // namespace smp::report
