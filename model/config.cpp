#include "model/config.hpp"

#include <array>
#include <charconv>
#include <optional>

#include "report/common/errors.hpp"

namespace smp::model {
namespace {

constexpr std::string_view kConfigForm = "vocab=N,block=N,d=N,layers=N,heads=N";

struct Field {
  std::string_view key;
  int ModelConfig::*member;
};

constexpr std::array<Field, 5> kFields = {{{"vocab", &ModelConfig::vocab},
                                           {"block", &ModelConfig::block},
                                           {"d", &ModelConfig::d_model},
                                           {"layers", &ModelConfig::layers},
                                           {"heads", &ModelConfig::heads}}};

// '…' around user text. Built by appending: "literal" + std::string trips a
// GCC 12 -Wrestrict false positive.
std::string quoted(std::string_view text) {
  std::string out = "'";
  out += text;
  out += '\'';
  return out;
}

[[noreturn]] void reject(std::string_view text, const std::string& problem) {
  throw UsageError("model " + quoted(text) + ": " + problem + " (expected small, medium or " +
                   std::string(kConfigForm) + ")");
}

std::optional<int> parse_int(std::string_view digits) {
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

}  // namespace

void validate(const ModelConfig& config) {
  for (const Field& field : kFields) {
    const int value = config.*field.member;
    if (value <= 0) {
      throw UsageError("model " + to_string(config) + ": " + std::string(field.key) +
                       " must be positive, got " + std::to_string(value));
    }
  }
  if (config.d_model % config.heads != 0) {
    throw UsageError("model " + to_string(config) + ": d=" + std::to_string(config.d_model) +
                     " is not divisible by heads=" + std::to_string(config.heads));
  }
}

ModelConfig parse_model_config(std::string_view text) {
  if (text == "small") return ModelConfig::small();
  if (text == "medium") return ModelConfig::medium();

  ModelConfig config;
  std::array<bool, kFields.size()> seen{};
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);

    const std::size_t equals = item.find('=');
    if (equals == std::string_view::npos) reject(text, quoted(item) + " is not key=value");
    const std::string_view key = item.substr(0, equals);
    const std::string_view value_text = item.substr(equals + 1);

    std::size_t index = 0;
    while (index < kFields.size() && kFields[index].key != key) ++index;
    if (index == kFields.size()) reject(text, "unknown key " + quoted(key));
    if (seen[index]) reject(text, quoted(key) + " given twice");
    const std::optional<int> value = parse_int(value_text);
    if (!value) reject(text, quoted(key) + " needs an integer, got " + quoted(value_text));
    config.*kFields[index].member = *value;
    seen[index] = true;
  }
  for (std::size_t index = 0; index < kFields.size(); ++index) {
    if (!seen[index]) reject(text, "missing " + quoted(kFields[index].key));
  }
  validate(config);
  return config;
}

std::string to_string(const ModelConfig& config) {
  return "vocab=" + std::to_string(config.vocab) + ",block=" + std::to_string(config.block) +
         ",d=" + std::to_string(config.d_model) + ",layers=" + std::to_string(config.layers) +
         ",heads=" + std::to_string(config.heads);
}

}  // namespace smp::model
