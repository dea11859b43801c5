#include "report/io/json_input.hpp"

#include <string>

#include "report/common/errors.hpp"

namespace smp::report {
namespace {

using nlohmann::json;

// A first pass over the text that only counts nesting, so the depth limit
// costs one linear scan (a parser callback would see every value of every
// array again as the arrays close, which is quadratic in objects per array).
class DepthCheck : public nlohmann::json_sax<json> {
 public:
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return enter(); }
  bool key(string_t&) override { return true; }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) override {
    error_ = error.what();
    return false;
  }

  bool too_deep() const { return too_deep_; }
  const std::string& error() const { return error_; }

 private:
  bool enter() {
    too_deep_ = ++depth_ > kMaxJsonDepth;
    return !too_deep_;
  }
  bool leave() {
    --depth_;
    return true;
  }

  int depth_ = 0;
  bool too_deep_ = false;
  std::string error_;
};

}  // namespace

json parse_json_input(std::string_view text, const std::filesystem::path& path) {
  DepthCheck check;
  try {
    if (!json::sax_parse(text, &check)) {
      if (check.too_deep()) {
        throw InputError(path, "invalid JSON: nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
      }
      throw InputError(path, "invalid JSON: " + check.error());
    }
    return json::parse(text);
  } catch (const json::exception& error) {
    // out_of_range for a number beyond a double (1e400).
    throw InputError(path, std::string("invalid JSON: ") + error.what());
  }
}

}  // namespace smp::report
