#pragma once
// Typed errors thrown deep and caught once in main, which prints one line and
// maps them to the tool's exit status (exit_codes.hpp): kExitInvalid for both,
// since the user must fix something, and for std::invalid_argument, a value
// a lower layer refuses (SMALLMIND_ISA, a thread count); any other exception
// is kExitInternalError.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace smp {

// A file could not be read, parsed or written: carries the path and the problem.
class InputError : public std::runtime_error {
 public:
  InputError(std::filesystem::path path, const std::string& problem)
      : std::runtime_error((path.empty() ? std::string("''") : path.string()) + ": " + problem),
        path_(std::move(path)) {}
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

// An option or argument value is invalid.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace smp
