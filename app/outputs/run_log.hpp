#pragma once
// Captures the console log of a run for profiling-output.log: while alive, a
// sink on the default logger keeps every line at info level or above with a
// timestamp, whatever -q sets for the console (the console's own sinks keep
// their level). The text is held in memory and written with the run's other
// files, atomically, so a failed run leaves no partial log behind.
#include <memory>
#include <string>

#include <spdlog/spdlog.h>

namespace smp::app {

class LogTextSink;

class RunLog {
 public:
  RunLog();
  ~RunLog();
  RunLog(const RunLog&) = delete;
  RunLog& operator=(const RunLog&) = delete;

  // Everything logged so far.
  std::string text() const;

 private:
  std::shared_ptr<LogTextSink> sink_;
  std::shared_ptr<spdlog::logger> logger_;
  spdlog::level::level_enum previous_level_;
};

}  // namespace smp::app
