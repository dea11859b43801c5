#include "model/config.hpp"

#include <array>
#include <string>
#include <string_view>

#include "report/common/errors.hpp"

namespace smp::model {
namespace {

struct Field {
  std::string_view key;
  int ModelConfig::*member;
};

constexpr std::array<Field, 5> kFields = {{{"vocab", &ModelConfig::vocab},
                                           {"block", &ModelConfig::block},
                                           {"d", &ModelConfig::d_model},
                                           {"layers", &ModelConfig::layers},
                                           {"heads", &ModelConfig::heads}}};

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

std::string to_string(const ModelConfig& config) {
  return "vocab=" + std::to_string(config.vocab) + ",block=" + std::to_string(config.block) +
         ",d=" + std::to_string(config.d_model) + ",layers=" + std::to_string(config.layers) +
         ",heads=" + std::to_string(config.heads);
}

}  // namespace smp::model
