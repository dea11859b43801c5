#include "report/io/input_file.hpp"

#include <fstream>
#include <iterator>
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

}  // namespace

std::string read_text_input(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) throw InputError(path, "no such file");
  if (fs::is_directory(status)) throw InputError(path, "is a directory, not a report file");
  if (!fs::is_regular_file(status)) throw InputError(path, "is not a regular file");
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) throw InputError(path, "cannot read its size: " + ec.message());
  if (size > kMaxInputBytes) {
    throw InputError(path, "is " + std::to_string(size) + " bytes, over the 64 MiB limit for a report");
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) throw InputError(path, "cannot be opened for reading");
  std::string text{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
  if (stream.bad()) throw InputError(path, "read failed");
  return checked_text(std::move(text), path);
}

std::string checked_text(std::string text, const fs::path& path) {
  if (text.starts_with(kUtf8Bom)) text.erase(0, kUtf8Bom.size());
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError(path, "is empty");
  if (looks_binary(text)) throw InputError(path, "is binary, not a text report");
  return text;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace smp::report
