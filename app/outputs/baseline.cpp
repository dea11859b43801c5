#include "app/outputs/baseline.hpp"

#include <algorithm>

#include "report/common/errors.hpp"
#include "report/common/file_names.hpp"
#include "report/formats/alloc_json.hpp"
#include "report/formats/baseline_index.hpp"
#include "report/formats/read_report.hpp"
#include "report/io/input_file.hpp"

namespace smp::app {
namespace {

namespace fs = std::filesystem;

int fields_in_common(const report::MachineFingerprint& a, const report::MachineFingerprint& b) {
  return (a.cpu_model == b.cpu_model) + (a.cpu_signature == b.cpu_signature) + (a.isa == b.isa) +
         (a.threads == b.threads) + (a.build_type == b.build_type);
}

const report::BaselineEntry& closest_entry(const report::BaselineIndex& index,
                                           const report::MachineFingerprint& machine) {
  return *std::max_element(index.entries.begin(), index.entries.end(), [&](const auto& a, const auto& b) {
    return fields_in_common(a.fingerprint, machine) < fields_in_common(b.fingerprint, machine);
  });
}

// An entry is written as a whole, so each of its reports must be there.
Baseline load_entry(const fs::path& directory, const report::BaselineEntry& entry, const fs::path& index_path) {
  const std::string listed = ", though " + index_path.string() + " lists it for " +
                             report::describe_fingerprint(entry.fingerprint);
  std::error_code ec;
  for (const fs::path& required : {directory / entry.folder, directory / entry.folder / kProfileJsonFile,
                                   directory / entry.folder / kAllocJsonFile}) {
    if (!fs::exists(required, ec)) throw InputError(required, "does not exist" + listed);
  }
  Baseline baseline = load_baseline(directory / entry.folder);
  const auto& context = baseline.profile.context;
  if (!context || !(report::fingerprint_of(*context) == entry.fingerprint)) {
    throw InputError(baseline.profile_path,
                     "was measured on " + (context ? report::describe_fingerprint(report::fingerprint_of(*context))
                                                   : std::string("an unrecorded machine")) +
                         listed);
  }
  return baseline;
}

}  // namespace

Baseline load_baseline(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    throw InputError(path, "baseline does not exist (give --baseline PATH, or --no-baseline to skip the comparison)");
  }
  Baseline baseline;
  if (!fs::is_directory(path, ec)) {
    baseline.profile_path = path;
    baseline.profile = report::read_report(path);
    return baseline;
  }
  for (const std::string_view name : {kProfileJsonFile, kProfileMarkdownFile}) {
    if (fs::exists(path / name, ec)) {
      baseline.profile_path = path / name;
      break;
    }
  }
  if (baseline.profile_path.empty()) {
    throw InputError(path, "baseline directory holds neither " + std::string(kProfileJsonFile) + " nor " +
                               std::string(kProfileMarkdownFile) + " (give --baseline PATH, or --no-baseline)");
  }
  baseline.profile = report::read_report(baseline.profile_path);
  if (fs::exists(path / kAllocJsonFile, ec)) {
    baseline.alloc_path = path / kAllocJsonFile;
    baseline.alloc = report::alloc_from_json(report::read_text_input(*baseline.alloc_path), *baseline.alloc_path);
  }
  return baseline;
}

MachineBaseline load_machine_baseline(const fs::path& directory, const report::MachineFingerprint& machine) {
  const fs::path index_path = directory / kBaselineIndexFile;
  std::error_code ec;
  if (!fs::exists(index_path, ec)) {
    throw InputError(index_path, "does not exist: no baselines recorded there (record this machine's with run "
                                 "--save-baseline --no-baseline, or give --baseline PATH or --no-baseline)");
  }
  const report::BaselineIndex index = report::baseline_index_from_json(report::read_text_input(index_path), index_path);
  if (index.entries.empty()) {
    throw InputError(index_path, "lists no baseline (record this machine's with run --save-baseline, or give "
                                 "--baseline PATH or --no-baseline)");
  }
  const std::optional<report::BaselineEntry> own = report::find_entry(index, machine);
  const report::BaselineEntry& entry = own ? *own : closest_entry(index, machine);
  return {load_entry(directory, entry, index_path), entry.folder, own.has_value()};
}

}  // namespace smp::app
