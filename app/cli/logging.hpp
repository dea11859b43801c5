#pragma once
// Console logging: spdlog to stderr, so stdout stays free for data asked for.
namespace smp::app {

enum class Verbosity { quiet, normal, verbose };
void configure_logging(Verbosity verbosity);

}  // namespace smp::app
