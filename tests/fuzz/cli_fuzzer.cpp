// The command line's grammar: the input's NUL-separated pieces are the
// arguments. Only parsed, never run, so any argument vector is harmless.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "app/cli/cli.hpp"

namespace {

// More than any real command line; bounds the work of one input.
constexpr std::size_t kMaxArguments = 64;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> arguments;
  while (!input.empty() && arguments.size() < kMaxArguments) {
    const std::size_t end = input.find('\0');
    arguments.emplace_back(input.substr(0, end));
    if (end == std::string_view::npos) break;
    input.remove_prefix(end + 1);
  }
  std::ostringstream out;
  std::ostringstream err;
  smp::app::parse_command_line(std::move(arguments), out, err);
  return 0;
}
