#pragma once
// Helpers shared by the report tests: fixture paths, a scratch directory,
// and synthetic profile records built from a few figures.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "report/io/input_file.hpp"
#include "report/records/records.hpp"

namespace smp::test {

namespace fs = std::filesystem;

// tests/data/<relative>, located through SMP_SOURCE_DIR (set by CTest).
inline fs::path data_path(std::string_view relative) {
  const char* source = std::getenv("SMP_SOURCE_DIR");
  if (source == nullptr) FAIL("SMP_SOURCE_DIR is not set; run the tests through ctest");
  return fs::path(source) / "tests" / "data" / relative;
}

inline std::string read_file(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

inline void write_file(const fs::path& path, std::string_view contents) {
  std::ofstream(path, std::ios::binary) << contents;
}

// The lines of `text`, as LineReader reads them.
inline std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  for (report::LineReader reader(text); reader.peek(); reader.advance()) lines.emplace_back(*reader.peek());
  return lines;
}

// A fresh directory under the system temp directory, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    std::random_device entropy;
    path_ = fs::temp_directory_path() / ("smp-report-test-" + std::to_string(entropy()));
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  fs::path operator/(std::string_view name) const { return path_ / name; }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// `count` samples spread uniformly within +-noise (a fraction) around `centre`.
inline std::vector<double> noisy_samples(double centre, std::size_t count, double noise, unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> factor(1.0 - noise, 1.0 + noise);
  std::vector<double> samples(count);
  for (double& sample : samples) sample = centre * factor(generator);
  return samples;
}

inline report::ScopeRecord timed_scope(std::string name, double time_ms, double alloc_mb = 0.0) {
  report::ScopeRecord scope;
  scope.name = std::move(name);
  scope.printed_time_ms = time_ms;
  scope.calls = 1;
  scope.printed_avg_ms = time_ms;
  scope.printed_alloc_mb = alloc_mb;
  return scope;
}

// A scope as our profiler records it: one repetition's sample.
inline report::ScopeRecord measured_scope(std::string name, double time_ms, std::int64_t calls = 1) {
  report::ScopeRecord scope;
  scope.name = std::move(name);
  scope.inclusive_ms = {time_ms};
  scope.self_ms = {time_ms};
  scope.calls = calls;
  return scope;
}

// A profile of ours, with the context every one of our reports carries.
inline report::ProfileRecord our_profile(std::vector<report::ScopeRecord> scopes) {
  report::ProfileRecord record;
  record.context = report::RunContext{};
  record.scopes = std::move(scopes);
  return record;
}

inline report::ProfileRecord markdown_record(std::vector<report::ScopeRecord> scopes) {
  report::ProfileRecord record;
  record.generated = "2026-01-01 00:00:00";
  record.scopes = std::move(scopes);
  return record;
}

}  // namespace smp::test
