#include "app/outputs/results_directory.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "app/outputs/output_dir.hpp"
#include "report/common/errors.hpp"
#include "report/io/atomic_file.hpp"
#include "report/io/directory_lock.hpp"
#include "report/io/output_target.hpp"
#include "report/io/signal_cleanup.hpp"

namespace smp::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMarkerText =
    "A results directory of smallmind-prof run: the next run into it replaces it as a whole.\n";

bool is_ours(const fs::path& directory) {
  std::error_code ec;
  return fs::is_regular_file(directory / kResultsMarker, ec);
}

bool is_empty_directory(const fs::path& directory) {
  std::error_code ec;
  return fs::is_empty(directory, ec) && !ec;
}

bool holds(const fs::path& directory, const fs::path& file) {
  std::error_code ec;
  const fs::path inside = fs::weakly_canonical(file, ec);
  const fs::path root = fs::weakly_canonical(directory, ec);
  const auto [end, unused] = std::mismatch(root.begin(), root.end(), inside.begin(), inside.end());
  return end == root.end();
}

// The new directory, filled beside its destination and removed unless it
// took the destination's place. Locked while it exists, so that a later run
// can tell a live staging directory from one a killed process left.
class StagingDirectory {
 public:
  explicit StagingDirectory(const fs::path& destination) {
    const fs::path parent = destination.has_parent_path() ? destination.parent_path() : fs::path(".");
    path_ = (parent / report::hidden_sibling_name(destination.filename().string(), "tmp")).string();
    if (::mkdtemp(path_.data()) == nullptr) {
      throw InputError(destination, "cannot create a directory beside it: " + std::string(std::strerror(errno)));
    }
    lock_ = std::make_unique<report::DirectoryLock>(path_);
    lock_->try_lock();  // a directory just made: nobody else holds it
  }
  StagingDirectory(const StagingDirectory&) = delete;
  StagingDirectory& operator=(const StagingDirectory&) = delete;
  ~StagingDirectory() {
    std::error_code ignored;
    if (!moved_into_place_) fs::remove_all(path_, ignored);
  }

  fs::path path() const { return path_; }
  void moved_into_place() { moved_into_place_ = true; }

 private:
  std::string path_;
  std::unique_ptr<report::DirectoryLock> lock_;
  bool moved_into_place_ = false;
};

// Puts the staging directory at `directory`: a plain rename when nothing of
// ours is there, else an exchange, after which the staging path holds the
// earlier run's directory and is removed with it.
void move_into_place(StagingDirectory& staging, const fs::path& directory) {
  std::error_code ec;
  if (!fs::exists(directory, ec) || is_empty_directory(directory)) {
    if (::rename(staging.path().c_str(), directory.c_str()) != 0) {
      throw InputError(directory, "cannot put the results in place: " + std::string(std::strerror(errno)));
    }
    staging.moved_into_place();
    return;
  }
  if (::renameat2(AT_FDCWD, staging.path().c_str(), AT_FDCWD, directory.c_str(), RENAME_EXCHANGE) != 0) {
    throw InputError(directory, "cannot replace the earlier results: " + std::string(std::strerror(errno)));
  }
}

// A link to a results directory is followed: the directory it names is
// replaced, and the link stays.
fs::path absolute_directory(const fs::path& given) {
  std::error_code ec;
  if (fs::exists(given, ec)) return fs::canonical(given, ec);
  fs::path directory = fs::absolute(given, ec).lexically_normal();
  if (!directory.has_filename()) directory = directory.parent_path();
  return directory;
}

}  // namespace

void check_results_directory(const fs::path& directory, const std::vector<fs::path>& inputs) {
  check_output_directory(directory);
  std::error_code ec;
  if (!fs::exists(directory, ec)) return;
  if (!is_ours(directory) && !is_empty_directory(directory)) {
    throw InputError(directory, "is not empty and not a results directory of ours (it has no " +
                                    std::string(kResultsMarker) + "); a run replaces its whole results "
                                    "directory, so name a new or empty one");
  }
  for (const fs::path& input : inputs) {
    if (holds(directory, input)) {
      throw InputError(directory, "holds the baseline " + input.string() +
                                      ", and a run replaces its whole results directory");
    }
  }
}

void replace_results_directory(const fs::path& given, const std::vector<OutputFile>& files) {
  const report::DeferTerminatingSignals whole_directory_at_once;
  // Absolute, links resolved, without a trailing slash or dot, so that the
  // staging directory has a name and a parent (`.` and `out/` included).
  const fs::path directory = absolute_directory(given);
  const fs::path parent = directory.parent_path();
  create_output_directory(parent);
  report::remove_stale_temporaries(directory);
  StagingDirectory staging(directory);
  std::vector<OutputFile> contents = files;
  contents.push_back({kResultsMarker, "", kMarkerText});
  report::write_output_set(pending_outputs(staging.path(), contents));
  move_into_place(staging, directory);
}

}  // namespace smp::app
