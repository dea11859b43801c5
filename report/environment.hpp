#pragma once
// The machine and build a measurement ran on, as the context block every
// report carries (so a comparison can warn when two runs are not alike).
#include <nlohmann/json.hpp>

#include "records.hpp"

namespace smp::report {

// What the caller knows about the run; the rest is read from the machine.
struct RunSettings {
  int threads = 1;
  std::uint64_t seed = 42;
  int repetitions = 0;
};

Environment collect_environment(const RunSettings& settings);

// True when the build is not an optimised Release build: reports warn loudly.
bool is_unoptimised_build(const Environment& environment);

nlohmann::json environment_to_json(const Environment& environment);
// Reads what environment_to_json wrote; missing fields stay default.
Environment environment_from_json(const nlohmann::json& context);

}  // namespace smp::report
