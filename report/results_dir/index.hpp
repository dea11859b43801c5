#pragma once
// README.md of a results directory: one line per file it holds, the command
// that wrote them (and the standalone commands that would write the same
// reports), the environment, and the baseline compared against.
#include <optional>
#include <string>
#include <vector>

#include "report/records/records.hpp"

namespace smp::report {

struct IndexedFile {
  std::string name;
  std::string description;
};

struct IndexedBaseline {
  std::string profile_path;
  std::string generated;                   // the baseline report's stamp
  std::optional<std::string> alloc_path;   // empty: allocation figures not compared
  std::string how_chosen;                  // e.g. "--baseline" or "default: the source tree's baselines/"
};

struct RunIndex {
  std::string generated;
  std::vector<IndexedFile> files;  // exactly the files written, in order
  std::string command_line;
  std::vector<std::string> equivalent_commands;
  RunContext context;
  std::optional<IndexedBaseline> baseline;  // empty with --no-baseline
};

std::string render_run_index(const RunIndex& index);

}  // namespace smp::report
