#include "app/outputs/output_files.hpp"

#include "app/outputs/output_dir.hpp"
#include "report/io/atomic_file.hpp"
#include "report/io/output_check.hpp"

namespace smp::app {

std::vector<report::PendingOutput> pending_outputs(const std::filesystem::path& directory,
                                                   const std::vector<OutputFile>& files) {
  std::vector<report::PendingOutput> outputs;
  for (const OutputFile& file : files) outputs.push_back({directory / file.name, file.contents});
  return outputs;
}

void write_outputs(const std::filesystem::path& directory, const std::vector<OutputFile>& files) {
  create_output_directory(directory);
  std::vector<std::filesystem::path> paths;
  for (const OutputFile& file : files) paths.push_back(directory / file.name);
  report::check_outputs(paths, {});
  report::write_output_set(pending_outputs(directory, files));
}

}  // namespace smp::app
