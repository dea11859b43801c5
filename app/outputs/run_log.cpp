#include "app/outputs/run_log.hpp"

#include <algorithm>
#include <mutex>

#include <spdlog/sinks/base_sink.h>

#include "app/outputs/log_format.hpp"

namespace smp::app {

// Keeps each formatted line in memory, appended to one string.
class LogTextSink : public spdlog::sinks::base_sink<std::mutex> {
 public:
  std::string text() {
    const std::lock_guard<std::mutex> lock(mutex_);
    return text_;
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    spdlog::memory_buf_t line;
    formatter_->format(message, line);
    text_.append(line.data(), line.size());
  }
  void flush_() override {}

 private:
  std::string text_;
};

RunLog::RunLog()
    : sink_(std::make_shared<LogTextSink>()),
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
  return sink_->text();
}

}  // namespace smp::app
