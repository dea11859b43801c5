#include "report/io/json_input.hpp"

#include <string>

#include "report/common/errors.hpp"

namespace smp::report {

nlohmann::json parse_json_input(std::string_view text, const std::filesystem::path& path) {
  const auto limit_depth = [&path](int depth, nlohmann::json::parse_event_t, const nlohmann::json&) {
    if (depth > kMaxJsonDepth) {
      throw InputError(path, "invalid JSON: nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
    }
    return true;
  };
  try {
    return nlohmann::json::parse(text, limit_depth);
  } catch (const nlohmann::json::exception& error) {
    // parse_error for malformed text, out_of_range for a number beyond a double (1e400).
    throw InputError(path, std::string("invalid JSON: ") + error.what());
  }
}

}  // namespace smp::report
