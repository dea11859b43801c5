#pragma once
// The source commit this executable was built from, captured from git at
// build time (cmake/BuildCommit.cmake): "unknown", with no dirty flag, when
// the source was not a git checkout.
#include <optional>
#include <string_view>

namespace smp::report {

struct BuildCommit {
  std::string_view id;        // full commit hash, or "unknown"
  std::optional<bool> dirty;  // tracked files differed from the commit; empty when unknown
};

BuildCommit build_commit();

}  // namespace smp::report
