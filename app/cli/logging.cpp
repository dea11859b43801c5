#include "app/cli/logging.hpp"

#include <unistd.h>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "app/outputs/log_format.hpp"

namespace smp::app {

void configure_logging(Verbosity verbosity, ColourMode colour) {
  const spdlog::color_mode mode = colour_wanted(colour, STDERR_FILENO) ? spdlog::color_mode::always
                                                                      : spdlog::color_mode::never;
  auto logger = spdlog::stderr_color_mt("smallmind-prof", mode);
  logger->set_formatter(escaped_log_formatter("%^[%l]%$ %*"));
  switch (verbosity) {
    case Verbosity::quiet: logger->set_level(spdlog::level::warn); break;
    case Verbosity::normal: logger->set_level(spdlog::level::info); break;
    case Verbosity::verbose: logger->set_level(spdlog::level::debug); break;
  }
  spdlog::set_default_logger(logger);
}

}  // namespace smp::app
