#include "app/outputs/baseline_save.hpp"

#include <algorithm>
#include <string>

#include "app/outputs/output_dir.hpp"
#include "report/common/errors.hpp"
#include "report/common/file_names.hpp"
#include "report/formats/baseline_index.hpp"
#include "report/io/atomic_file.hpp"
#include "report/io/input_file.hpp"

namespace smp::app {
namespace {

namespace fs = std::filesystem;

bool folder_taken(const report::BaselineIndex& index, const std::string& folder) {
  return std::any_of(index.entries.begin(), index.entries.end(),
                     [&](const report::BaselineEntry& entry) { return entry.folder == folder; });
}

// The fingerprint's slug, numbered when another fingerprint's slug is the same.
std::string new_folder(const report::BaselineIndex& index, const report::MachineFingerprint& fingerprint) {
  const std::string slug = report::fingerprint_slug(fingerprint);
  std::string folder = slug;
  for (int n = 2; folder_taken(index, folder); ++n) folder = slug + "-" + std::to_string(n);
  return folder;
}

void check(const std::error_code& ec, const fs::path& path, const std::string& action) {
  if (ec) throw InputError(path, "cannot " + action + ": " + ec.message());
}

void swap_in(const fs::path& staged, const fs::path& entry) {
  const fs::path replaced = entry.parent_path() / ("." + entry.filename().string() + ".old");
  std::error_code ec;
  fs::remove_all(replaced, ec);
  check(ec, replaced, "remove the leftover");
  if (fs::exists(entry, ec)) {
    fs::rename(entry, replaced, ec);
    check(ec, entry, "move the previous entry aside");
  }
  fs::rename(staged, entry, ec);
  check(ec, entry, "move the new entry in");
  fs::remove_all(replaced, ec);
  check(ec, replaced, "remove the previous entry");
}

report::BaselineIndex read_index_if_any(const fs::path& directory) {
  const fs::path path = directory / kBaselineIndexFile;
  std::error_code ec;
  if (!fs::exists(path, ec)) return {};
  return report::baseline_index_from_json(report::read_text_input(path), path);
}

}  // namespace

void require_baseline_worthy(const report::RunContext& context) {
  if (!context.settings.injected_slowdowns.empty()) {
    throw UsageError("--save-baseline refuses a run with --inject-slowdown: its timings are not this machine's");
  }
  if (context.machine.build_type != "Release") {
    throw UsageError("--save-baseline refuses a " + context.machine.build_type +
                     " build: baselines are measured on a Release build");
  }
}

void check_baseline_index(const fs::path& directory) { read_index_if_any(directory); }

fs::path save_machine_baseline(const fs::path& directory, const report::RunContext& context,
                               const std::vector<OutputFile>& files) {
  require_baseline_worthy(context);
  create_output_directory(directory);
  report::BaselineIndex index = read_index_if_any(directory);
  const report::MachineFingerprint fingerprint = report::fingerprint_of(context);
  const std::optional<report::BaselineEntry> existing = report::find_entry(index, fingerprint);
  const std::string folder = existing ? existing->folder : new_folder(index, fingerprint);
  if (!existing) index.entries.push_back({fingerprint, folder});

  const fs::path staged = directory / ("." + folder + ".new");
  std::error_code ec;
  fs::remove_all(staged, ec);
  check(ec, staged, "remove the leftover");
  create_output_directory(staged);
  write_outputs(staged, files);
  swap_in(staged, directory / folder);
  report::write_file_atomically(directory / kBaselineIndexFile, report::baseline_index_to_json(index));
  return directory / folder;
}

}  // namespace smp::app
