#include "app/outputs/run_log.hpp"

#include <algorithm>

#include <spdlog/sinks/ostream_sink.h>

#include "app/outputs/log_format.hpp"

namespace smp::app {

RunLog::RunLog()
    : stream_(std::make_shared<std::ostringstream>()),
      sink_(std::make_shared<spdlog::sinks::ostream_sink_mt>(*stream_)),
      logger_(spdlog::default_logger()),
      previous_level_(logger_->level()) {
  sink_->set_formatter(escaped_log_formatter("[%Y-%m-%d %H:%M:%S.%e] [%l] %*"));
  sink_->set_level(spdlog::level::info);
  // The logger's level filters before any sink: lower it to info for the log
  // file and let the console sinks keep filtering at the level they had.
  for (const spdlog::sink_ptr& sink : logger_->sinks()) sink->set_level(std::max(sink->level(), previous_level_));
  logger_->set_level(std::min(previous_level_, spdlog::level::info));
  logger_->sinks().push_back(sink_);
}

RunLog::~RunLog() {
  std::vector<spdlog::sink_ptr>& sinks = logger_->sinks();
  sinks.erase(std::remove(sinks.begin(), sinks.end(), sink_), sinks.end());
  logger_->set_level(previous_level_);
}

std::string RunLog::text() const {
  logger_->flush();
  return stream_->str();
}

}  // namespace smp::app
